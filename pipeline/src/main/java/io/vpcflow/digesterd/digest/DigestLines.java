package io.vpcflow.digesterd.digest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The text form of a digest: one line per key in the v2 field order {@code version account-id
 * interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action
 * log-status}, no header, lines in unsigned byte order, each ended by {@code \n}; so the same
 * totals always give the same bytes.
 */
public final class DigestLines {
  /** Orders lines as unsigned bytes (the order of {@code LC_ALL=C sort}). */
  public static final Comparator<byte[]> ORDER = Arrays::compareUnsigned;

  private static final int KEY_FIELDS_BEFORE_TOTALS = 8;

  private DigestLines() {}

  /** The line (without newline) of one key and its totals. */
  public static byte[] render(DigestKey key, DigestTotals totals) {
    int split = 0;
    for (int spaces = 0; spaces < KEY_FIELDS_BEFORE_TOTALS; split++) {
      if (key.byteAt(split) == ' ') {
        spaces++;
      }
    }
    String middle =
        totals.packets()
            + " "
            + totals.bytes()
            + " "
            + totals.minStart()
            + " "
            + (totals.maxEnd() == DigestTotals.ABSENT ? "-" : Long.toString(totals.maxEnd()))
            + " ";
    byte[] middleBytes = middle.getBytes(StandardCharsets.US_ASCII);
    byte[] keyText = key.toBytes();
    byte[] line = new byte[keyText.length + middleBytes.length];
    System.arraycopy(keyText, 0, line, 0, split);
    System.arraycopy(middleBytes, 0, line, split, middleBytes.length);
    System.arraycopy(keyText, split, line, split + middleBytes.length, keyText.length - split);
    return line;
  }

  /** Sorts lines in place into digest order. */
  public static void sort(List<byte[]> lines) {
    lines.sort(ORDER);
  }

  /** Writes sorted lines, each followed by a newline, to {@code out} (not closed). */
  public static void write(Iterable<byte[]> sortedLines, OutputStream out) throws IOException {
    for (byte[] line : sortedLines) {
      out.write(line);
      out.write('\n');
    }
  }

  /**
   * Merges several streams of sorted lines (each line ended by a newline) into one sorted stream
   * written to {@code out} (not closed): a k-way merge that holds one line per stream in memory.
   *
   * @return the number of lines written
   */
  public static long mergeSorted(List<InputStream> sortedStreams, OutputStream out) throws IOException {
    List<LineReader> readers = new ArrayList<>();
    for (InputStream in : sortedStreams) {
      readers.add(new LineReader(in));
    }
    PriorityQueue<LineReader> heads =
        new PriorityQueue<>(Math.max(1, readers.size()), (a, b) -> ORDER.compare(a.line, b.line));
    for (LineReader reader : readers) {
      if (reader.advance()) {
        heads.add(reader);
      }
    }
    long written = 0;
    while (!heads.isEmpty()) {
      LineReader head = heads.poll();
      out.write(head.line);
      out.write('\n');
      written++;
      if (head.advance()) {
        heads.add(head);
      }
    }
    return written;
  }

  /** Reads newline-ended lines from a stream. */
  private static final class LineReader {
    private final InputStream in;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    byte[] line;

    LineReader(InputStream in) {
      this.in = new BufferedInputStream(in, 64 * 1024);
    }

    boolean advance() throws IOException {
      buffer.reset();
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (b == '\n') {
          line = buffer.toByteArray();
          return true;
        }
        buffer.write(b);
      }
      if (buffer.size() > 0) {
        throw new IOException("sorted line stream ends without a newline");
      }
      return false;
    }
  }
}
