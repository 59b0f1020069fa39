package io.vpcflow.digesterd.flowlog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Scans of text bytes eight at a time (each {@code long} read from the array holds eight bytes,
 * tested together with carry-free bit arithmetic): where a byte value first occurs, whether a range
 * holds a byte above 0x7f, and where the fields of a line begin and end. Reads no byte outside the
 * ranges it is given.
 */
final class ByteScan {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LOWS = 0x7f7f7f7f7f7f7f7fL;
  private static final long SPACES = ' ' * ONES;
  private static final long TABS = '\t' * ONES;

  /** Gathers the top bit of each byte (moved to bit 0 of the byte) into the word's top byte. */
  private static final long GATHER = 0x0102040810204080L;

  private ByteScan() {}

  /** The high bit of each byte of {@code word} set exactly when that byte is 0. */
  private static long zeroBytes(long word) {
    return ~(((word & LOWS) + LOWS) | word | LOWS);
  }

  /** The first index of {@code value} in {@code bytes[from, to)}, or {@code to} when absent. */
  static int indexOf(byte[] bytes, int from, int to, byte value) {
    long pattern = (value & 0xffL) * ONES;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long found = zeroBytes((long) LONGS.get(bytes, i) ^ pattern);
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return to;
  }

  /** Whether {@code bytes[from, to)} holds a byte above 0x7f. */
  static boolean anyAboveAscii(byte[] bytes, int from, int to) {
    long high = 0;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      high |= (long) LONGS.get(bytes, i);
    }
    for (; i < to; i++) {
      high |= bytes[i];
    }
    return (high & HIGHS) != 0;
  }

  /**
   * Splits {@code line[from, to)} into fields separated by runs of spaces and tabs (leading and
   * trailing ones ignored): field {@code k} is {@code line[starts[k], ends[k])}. Returns the number
   * of fields, or {@code max + 1} as soon as there are more than {@code max} (the arrays hold at
   * least {@code max}).
   */
  static int split(byte[] line, int from, int to, int[] starts, int[] ends, int max) {
    int fields = 0;
    boolean inField = false;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(line, i);
      long separator = zeroBytes(word ^ SPACES) | zeroBytes(word ^ TABS);
      int separators = (int) (((separator >>> 7) * GATHER) >>> 56);
      int afterSeparator = ((separators << 1) | (inField ? 0 : 1)) & 0xff;
      int begins = ~separators & afterSeparator & 0xff;
      int endsHere = separators & ~afterSeparator;
      for (int events = begins | endsHere; events != 0; events &= events - 1) {
        int at = i + Integer.numberOfTrailingZeros(events);
        if ((begins & events & -events) != 0) {
          if (fields == max) {
            return max + 1;
          }
          starts[fields] = at;
        } else {
          ends[fields++] = at;
        }
      }
      inField = (separators & 0x80) == 0;
    }
    for (; i < to; i++) {
      byte b = line[i];
      boolean isSeparator = b == ' ' || b == '\t';
      if (!isSeparator && !inField) {
        if (fields == max) {
          return max + 1;
        }
        starts[fields] = i;
        inField = true;
      } else if (isSeparator && inField) {
        ends[fields++] = i;
        inField = false;
      }
    }
    if (inField) {
      ends[fields++] = to;
    }
    return fields;
  }
}
