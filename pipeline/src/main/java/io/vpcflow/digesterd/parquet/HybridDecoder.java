package io.vpcflow.digesterd.parquet;

import java.util.Arrays;

/**
 * Decodes Parquet's RLE/bit-packing hybrid encoding of small unsigned integers (definition levels,
 * dictionary ids) from a byte range, without allocating per run: a run header claiming more values
 * than the range holds costs nothing until those values are asked for. Bit-packed bytes missing at
 * the range's end read as zero bits, as parquet-java reads a short last run; a run header or a
 * repeated value cut off by the range's end is {@link CorruptPageException}.
 */
final class HybridDecoder {
  /** The widest value: Parquet's levels and dictionary ids fit in 32 bits. */
  static final int MAX_BIT_WIDTH = 32;

  /** How many bit-packed values are unpacked at once: a multiple of 8, so groups stay whole. */
  private static final int BATCH = 256;

  private final byte[] data;
  private final int end;
  private final int bitWidth;
  private final long mask;
  private final int[] unpacked = new int[BATCH];
  private int pos;
  private long repeatsLeft;
  private int repeated;
  private long packedLeft;
  private int unpackedNext;
  private int unpackedEnd;

  /**
   * A decoder of {@code data[from, to)} holding values of {@code bitWidth} bits.
   *
   * @throws CorruptPageException when {@code bitWidth} is outside 0–32
   */
  HybridDecoder(byte[] data, int from, int to, int bitWidth) throws CorruptPageException {
    if (bitWidth < 0 || bitWidth > MAX_BIT_WIDTH) {
      throw new CorruptPageException(
          "a bit width of " + bitWidth + " (at most " + MAX_BIT_WIDTH + ")");
    }
    this.data = data;
    this.pos = from;
    this.end = to;
    this.bitWidth = bitWidth;
    this.mask = (1L << bitWidth) - 1;
  }

  /**
   * Decodes the next {@code count} values into {@code out[0, count)}.
   *
   * @throws CorruptPageException when the range ends before them
   */
  void read(int[] out, int count) throws CorruptPageException {
    int i = 0;
    while (i < count) {
      if (repeatsLeft > 0) {
        int n = (int) Math.min(repeatsLeft, count - i);
        Arrays.fill(out, i, i + n, repeated);
        repeatsLeft -= n;
        i += n;
      } else if (unpackedNext < unpackedEnd) {
        int n = Math.min(unpackedEnd - unpackedNext, count - i);
        System.arraycopy(unpacked, unpackedNext, out, i, n);
        unpackedNext += n;
        i += n;
      } else if (packedLeft > 0) {
        unpack((int) Math.min(packedLeft, BATCH));
      } else {
        readRunHeader();
      }
    }
  }

  /**
   * Unpacks the next {@code count} values of the bit-packed run (a multiple of 8, so whole groups);
   * bytes past the range's end read as zero bits.
   */
  private void unpack(int count) {
    packedLeft -= count;
    unpackedNext = 0;
    unpackedEnd = count;
    int at = pos;
    long bits = 0;
    int bitCount = 0;
    for (int i = 0; i < count; i++) {
      while (bitCount < bitWidth) {
        bits |= (at < end ? data[at] & 0xffL : 0L) << bitCount;
        at++;
        bitCount += 8;
      }
      unpacked[i] = (int) (bits & mask);
      bits >>>= bitWidth;
      bitCount -= bitWidth;
    }
    pos = at;
  }

  private void readRunHeader() throws CorruptPageException {
    long header = readUnsignedVarInt();
    if ((header & 1) == 1) {
      packedLeft = (header >>> 1) * 8;
    } else {
      repeatsLeft = header >>> 1;
      repeated = readRepeatedValue();
    }
  }

  private long readUnsignedVarInt() throws CorruptPageException {
    long value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (pos >= end) {
        throw new CorruptPageException(
            "an encoded run ends early, or more values were read than written");
      }
      byte b = data[pos++];
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new CorruptPageException("a run header longer than 5 bytes");
  }

  private int readRepeatedValue() throws CorruptPageException {
    int bytes = (bitWidth + 7) / 8;
    if (end - pos < bytes) {
      throw new CorruptPageException("a repeated value is cut off");
    }
    long value = 0;
    for (int i = 0; i < bytes; i++) {
      value |= (data[pos++] & 0xffL) << (8 * i);
    }
    if ((value & ~mask) != 0) {
      throw new CorruptPageException("a repeated value wider than " + bitWidth + " bits");
    }
    return (int) value;
  }
}
