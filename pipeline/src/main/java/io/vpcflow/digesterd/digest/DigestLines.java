package io.vpcflow.digesterd.digest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

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
}
