package io.vpcflow.digesterd.parquet;

/**
 * What a Parquet text value holds that matters to a flow-log field: {@link #NOT_PRINTABLE} when a
 * byte may not be part of a value (white space, a control character), {@link #HIGH} when a byte is
 * above 0x7f (its UTF-8 must then be checked).
 */
final class TextFlags {
  static final byte NOT_PRINTABLE = 1;
  static final byte HIGH = 2;

  private TextFlags() {}

  /** The flags of {@code bytes[from, to)}. */
  static byte of(byte[] bytes, int from, int to) {
    byte flags = 0;
    for (int i = from; i < to; i++) {
      flags |= of(bytes[i]);
    }
    return flags;
  }

  private static byte of(byte b) {
    if (b < 0) {
      return HIGH;
    }
    return b > ' ' && b != 0x7f ? 0 : NOT_PRINTABLE;
  }
}
