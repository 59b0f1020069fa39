package io.vpcflow.digesterd.flowlog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Scans of bytes eight at a time: each {@code long} read from the array holds eight bytes, tested
 * together with carry-free bit arithmetic. Reads no byte outside the range it is given.
 */
final class ByteScan {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long LOWS = 0x7f7f7f7f7f7f7f7fL;

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
}
