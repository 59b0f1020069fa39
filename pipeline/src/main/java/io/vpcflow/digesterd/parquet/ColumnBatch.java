package io.vpcflow.digesterd.parquet;

/**
 * One column's values for a run of consecutive rows, {@code 0} to {@link #rows()} - 1, as a {@link
 * FlatColumnReader} decodes them from one page: per row whether it holds a value ({@link
 * #present}), and the values, all of one {@link Kind}, at their row's index (a null row's slot
 * holds nothing meaningful). Text values are ranges of {@link #bytes()}, valid until the next read
 * into this batch. Reused from read to read; not thread-safe.
 */
final class ColumnBatch {
  /** What the present rows hold, and in which of the batch's arrays. */
  enum Kind {
    /** An integer in {@link #longs}, an INT32 sign-extended. */
    LONG,
    /** A FLOAT or DOUBLE in {@link #doubles}. */
    DOUBLE,
    /** A boolean in {@link #longs}: 1 for true, 0 for false. */
    BOOLEAN,
    /** Text, {@code bytes()[starts[r], ends[r])}. */
    TEXT,
    /** Text as entry {@code ids[r]} of {@link #dictionary()}. */
    DICTIONARY_TEXT,
    /** A value of a type no flow-log field can hold (INT96). */
    UNSUPPORTED
  }

  final boolean[] present;
  final long[] longs;
  final double[] doubles;
  final int[] ids;
  final int[] starts;
  final int[] ends;

  /** Room for a reader's intermediate values (levels, dictionary ids), one per row. */
  final int[] scratch;

  private Kind kind = Kind.UNSUPPORTED;
  private int rows;
  private byte[] bytes;
  private byte[] own = new byte[0];
  private ColumnDictionary dictionary;

  /** A batch of at most {@code capacity} rows. */
  ColumnBatch(int capacity) {
    present = new boolean[capacity];
    longs = new long[capacity];
    doubles = new double[capacity];
    ids = new int[capacity];
    starts = new int[capacity];
    ends = new int[capacity];
    scratch = new int[capacity];
  }

  int capacity() {
    return present.length;
  }

  /** How many rows the last read filled. */
  int rows() {
    return rows;
  }

  Kind kind() {
    return kind;
  }

  /** The array {@link Kind#TEXT} values are ranges of. */
  byte[] bytes() {
    return bytes;
  }

  /** The dictionary of {@link Kind#DICTIONARY_TEXT} values. */
  ColumnDictionary dictionary() {
    return dictionary;
  }

  /** Starts a read of {@code rows} rows holding values of {@code kind}. */
  void begin(int rows, Kind kind) {
    if (rows < 0 || rows > capacity()) {
      throw new IllegalArgumentException(rows + " rows in a batch of " + capacity());
    }
    this.rows = rows;
    this.kind = kind;
  }

  /** The array of {@link Kind#TEXT} values. */
  void useBytes(byte[] array) {
    bytes = array;
  }

  /** The dictionary of {@link Kind#DICTIONARY_TEXT} values. */
  void useDictionary(ColumnDictionary values) {
    dictionary = values;
  }

  /**
   * Makes the batch's own array the one {@link Kind#TEXT} values are ranges of, at least {@code
   * length} bytes long, keeping its first {@code kept} bytes; for text not held in a page's bytes.
   */
  byte[] ownBytes(int kept, int length) {
    if (own.length < length) {
      byte[] grown = new byte[Math.max(length, own.length * 2)];
      System.arraycopy(own, 0, grown, 0, kept);
      own = grown;
    }
    bytes = own;
    return own;
  }
}
