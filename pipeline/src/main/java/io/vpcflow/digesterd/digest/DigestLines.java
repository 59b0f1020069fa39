package io.vpcflow.digesterd.digest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.zip.GZIPOutputStream;

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
   * Writes the lines of several sorted runs as one sorted sequence (a k-way merge), each followed
   * by a newline, to {@code out} (not closed).
   *
   * @return the number of lines written
   */
  public static long writeMerged(List<List<byte[]>> sortedRuns, OutputStream out) throws IOException {
    PriorityQueue<int[]> heads =
        new PriorityQueue<>(
            Math.max(1, sortedRuns.size()),
            (a, b) -> ORDER.compare(sortedRuns.get(a[0]).get(a[1]), sortedRuns.get(b[0]).get(b[1])));
    for (int run = 0; run < sortedRuns.size(); run++) {
      if (!sortedRuns.get(run).isEmpty()) {
        heads.add(new int[] {run, 0});
      }
    }
    long written = 0;
    while (!heads.isEmpty()) {
      int[] head = heads.poll();
      List<byte[]> run = sortedRuns.get(head[0]);
      out.write(run.get(head[1]));
      out.write('\n');
      written++;
      if (++head[1] < run.size()) {
        heads.add(head);
      }
    }
    return written;
  }

  /**
   * The gzip'd digest of the given lines (sorted here). Gzip header fields are fixed (no name, no
   * timestamp), so equal lines give equal bytes.
   */
  public static byte[] gzip(List<byte[]> lines) throws IOException {
    sort(lines);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 64 * 1024)) {
      write(lines, gzip);
    }
    return bytes.toByteArray();
  }
}
