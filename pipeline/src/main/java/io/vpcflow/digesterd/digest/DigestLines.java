package io.vpcflow.digesterd.digest;

import io.vpcflow.digesterd.flowlog.DecimalDigits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The text form of a digest: one line per key in the v2 field order {@code version account-id
 * interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status},
 * no header, lines in unsigned byte order, each ended by {@code \n}; so the same totals always give
 * the same bytes.
 */
public final class DigestLines {
  /** Orders lines as unsigned bytes (the order of {@code LC_ALL=C sort}). */
  public static final Comparator<byte[]> ORDER = Arrays::compareUnsigned;

  private static final int KEY_FIELDS_BEFORE_TOTALS = 8;

  private DigestLines() {}

  /** The line (without newline) of one key and its totals. */
  public static byte[] render(DigestKey key, DigestTotals totals) {
    ByteArrayOutputStream line = new ByteArrayOutputStream(key.length() + 48);
    try {
      append(key, totals, line);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("writing to memory cannot fail", e);
    }
    return line.toByteArray();
  }

  /** Writes the line of one key and its totals, followed by a newline, to {@code out}. */
  public static void writeLine(DigestKey key, DigestTotals totals, OutputStream out)
      throws IOException {
    append(key, totals, out);
    out.write('\n');
  }

  private static void append(DigestKey key, DigestTotals totals, OutputStream out)
      throws IOException {
    int split = 0;
    for (int spaces = 0; spaces < KEY_FIELDS_BEFORE_TOTALS; split++) {
      if (key.byteAt(split) == ' ') {
        spaces++;
      }
    }
    byte[] buffer = new byte[4 * 21];
    int n = 0;
    n = digits(totals.packets(), buffer, n);
    n = digits(totals.bytes(), buffer, n);
    n = digits(totals.minStart(), buffer, n);
    if (totals.maxEnd() == DigestTotals.ABSENT) {
      buffer[n++] = '-';
      buffer[n++] = ' ';
    } else {
      n = digits(totals.maxEnd(), buffer, n);
    }
    key.writeTo(out, 0, split);
    out.write(buffer, 0, n);
    key.writeTo(out, split, key.length() - split);
  }

  /** Writes the decimal digits of a non-negative number and a space at {@code at}. */
  static int digits(long value, byte[] buffer, int at) {
    int end = at + DecimalDigits.count(value);
    DecimalDigits.write(value, buffer, end);
    buffer[end] = ' ';
    return end + 1;
  }

  /** Sorts lines in place into digest order. */
  public static void sort(List<byte[]> lines) {
    lines.sort(ORDER);
  }
}
