package io.vpcflow.digesterd.parquet;

/**
 * Where a {@link FlatColumnReader} delivers one column's non-null values, one row at a time, as
 * stored: integers as {@code long} (an INT32 sign-extended), text as a byte range valid only during
 * the call, dictionary-encoded values as their id in the chunk's {@link ColumnDictionary}.
 */
interface ValueSink {
  /**
   * The chunk's dictionary, before any {@link #addDictionaryId}; called once per chunk that has
   * one.
   */
  void setDictionary(ColumnDictionary dictionary);

  void addDictionaryId(int id);

  void addLong(long value);

  void addDouble(double value);

  void addBoolean(boolean value);

  void addBytes(byte[] bytes, int from, int to);

  /** A value of a type no flow-log field can hold (INT96). */
  void addUnsupported();
}
