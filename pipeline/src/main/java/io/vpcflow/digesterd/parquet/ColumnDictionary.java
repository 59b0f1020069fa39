package io.vpcflow.digesterd.parquet;

import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The values of a column chunk's dictionary page (PLAIN-encoded), held without a copy per entry:
 * text entries as ranges of the page's bytes, numbers as arrays. Entry {@code id} is, by type:
 * {@link #longValue} (INT32, INT64), {@link #doubleValue} (FLOAT, DOUBLE) or the bytes {@code
 * bytes()[start(id), end(id))} (BINARY, FIXED_LEN_BYTE_ARRAY), with its {@link TextFlags} noted
 * once for all rows; INT96 entries have no value.
 */
final class ColumnDictionary {
  private final PrimitiveTypeName type;
  private final int size;
  private final byte[] bytes;
  private final int[] starts;
  private final byte[] flags;
  private final long[] longs;
  private final double[] doubles;

  private ColumnDictionary(
      PrimitiveTypeName type,
      int size,
      byte[] bytes,
      int[] starts,
      long[] longs,
      double[] doubles) {
    this.type = type;
    this.size = size;
    this.bytes = bytes;
    this.starts = starts;
    this.flags = starts == null ? null : textFlags();
    this.longs = longs;
    this.doubles = doubles;
  }

  /**
   * The {@code size} entries of {@code type} PLAIN-encoded in {@code page}.
   *
   * @param typeLength the length of a FIXED_LEN_BYTE_ARRAY value
   * @throws CorruptPageException when the page holds fewer entries than {@code size}
   */
  static ColumnDictionary decode(PrimitiveTypeName type, int typeLength, int size, PageBytes page)
      throws CorruptPageException {
    byte[] bytes = page.array();
    int from = page.from();
    if (size < 0) {
      throw new CorruptPageException("a dictionary of " + size + " entries");
    }
    int width =
        switch (type) {
          case INT32, FLOAT -> 4;
          case INT64, DOUBLE -> 8;
          case INT96 -> 12;
          case FIXED_LEN_BYTE_ARRAY -> typeLength;
          case BINARY -> -1;
          case BOOLEAN -> throw new CorruptPageException("a dictionary of BOOLEAN values");
        };
    if (width >= 0 && (long) width * size > page.length()) {
      throw new CorruptPageException(
          "a dictionary of " + size + " " + type + " entries in " + page.length() + " bytes");
    }
    return switch (type) {
      case INT32, INT64 ->
          new ColumnDictionary(type, size, null, null, longs(bytes, from, size, width), null);
      case FLOAT, DOUBLE ->
          new ColumnDictionary(type, size, null, null, null, doubles(bytes, from, size, width));
      case FIXED_LEN_BYTE_ARRAY, INT96 ->
          new ColumnDictionary(type, size, bytes, fixedStarts(from, size, width), null, null);
      case BINARY -> new ColumnDictionary(type, size, bytes, binaryStarts(page, size), null, null);
      case BOOLEAN -> throw new AssertionError(type);
    };
  }

  // One small method per type, each with its one loop: the JIT compiles the loop that runs
  // without compiling the others with it.

  private static long[] longs(byte[] bytes, int from, int size, int width) {
    long[] longs = new long[size];
    for (int i = 0; i < size; i++) {
      longs[i] =
          width == 4
              ? PlainValues.int32(bytes, from + i * 4)
              : PlainValues.int64(bytes, from + i * 8);
    }
    return longs;
  }

  private static double[] doubles(byte[] bytes, int from, int size, int width) {
    double[] doubles = new double[size];
    for (int i = 0; i < size; i++) {
      doubles[i] =
          width == 4
              ? Float.intBitsToFloat(PlainValues.int32(bytes, from + i * 4))
              : Double.longBitsToDouble(PlainValues.int64(bytes, from + i * 8));
    }
    return doubles;
  }

  private static int[] fixedStarts(int from, int size, int width) {
    int[] starts = new int[size + 1];
    for (int i = 0; i <= size; i++) {
      starts[i] = from + i * width;
    }
    return starts;
  }

  private static int[] binaryStarts(PageBytes page, int size) throws CorruptPageException {
    byte[] bytes = page.array();
    int[] starts = new int[size + 1];
    int pos = page.from();
    for (int i = 0; i < size; i++) {
      int length = PlainValues.binaryLength(bytes, pos, page.to());
      starts[i] = pos + 4;
      pos += 4 + length;
    }
    starts[size] = pos + 4;
    return starts;
  }

  /** The {@link TextFlags} of each entry, {@link #start} to {@link #end}. */
  private byte[] textFlags() {
    byte[] flags = new byte[size];
    for (int id = 0; id < size; id++) {
      flags[id] = TextFlags.of(bytes, start(id), end(id));
    }
    return flags;
  }

  PrimitiveTypeName type() {
    return type;
  }

  /** How many entries: ids are {@code 0} to {@code size() - 1}. */
  int size() {
    return size;
  }

  long longValue(int id) {
    return longs[id];
  }

  double doubleValue(int id) {
    return doubles[id];
  }

  /** The page the text entries are ranges of. */
  byte[] bytes() {
    return bytes;
  }

  int start(int id) {
    return starts[id];
  }

  /** The {@link TextFlags} of text entry {@code id}. */
  byte flags(int id) {
    return flags[id];
  }

  /** Where entry {@code id}'s bytes end. */
  int end(int id) {
    return type == PrimitiveTypeName.BINARY ? starts[id + 1] - 4 : starts[id + 1];
  }
}
