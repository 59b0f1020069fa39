package io.vpcflow.digesterd.parquet;

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

  private final byte[] data;
  private final int end;
  private final int bitWidth;
  private final long mask;
  private int pos;
  private long repeatsLeft;
  private int repeated;
  private long packedLeft;
  private long bits;
  private int bitCount;

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

  /** The next value. */
  int next() throws CorruptPageException {
    while (true) {
      if (repeatsLeft > 0) {
        repeatsLeft--;
        return repeated;
      }
      if (packedLeft > 0) {
        packedLeft--;
        while (bitCount < bitWidth) {
          bits |= (pos < end ? data[pos] & 0xffL : 0L) << bitCount;
          pos++;
          bitCount += 8;
        }
        int value = (int) (bits & mask);
        bits >>>= bitWidth;
        bitCount -= bitWidth;
        return value;
      }
      readRunHeader();
    }
  }

  private void readRunHeader() throws CorruptPageException {
    long header = readUnsignedVarInt();
    if ((header & 1) == 1) {
      packedLeft = (header >>> 1) * 8;
      bits = 0;
      bitCount = 0;
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
