package io.vpcflow.digesterd.parquet;

/** Reads values in Parquet's PLAIN encoding (little-endian numbers, length-prefixed text). */
final class PlainValues {
  private PlainValues() {}

  static int int32(byte[] data, int at) {
    return (data[at] & 0xff)
        | (data[at + 1] & 0xff) << 8
        | (data[at + 2] & 0xff) << 16
        | (data[at + 3] & 0xff) << 24;
  }

  static long int64(byte[] data, int at) {
    return (int32(data, at) & 0xffffffffL) | (long) int32(data, at + 4) << 32;
  }

  /**
   * The length of the BINARY value whose 4-byte length prefix is at {@code at}, once checked to
   * lie, with its prefix, within {@code data[at, end)}.
   */
  static int binaryLength(byte[] data, int at, int end) throws CorruptPageException {
    if (end - at < 4) {
      throw new CorruptPageException("a text value's length is cut off");
    }
    int length = int32(data, at);
    if (length < 0 || length > end - at - 4) {
      throw new CorruptPageException(
          "a text value claims "
              + Integer.toUnsignedString(length)
              + " bytes, "
              + (end - at - 4)
              + " are left");
    }
    return length;
  }
}
