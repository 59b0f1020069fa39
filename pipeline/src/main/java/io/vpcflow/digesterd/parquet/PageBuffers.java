package io.vpcflow.digesterd.parquet;

import java.util.Arrays;

/**
 * The arrays one Parquet reader fills again for every row group: the stored bytes of each run of
 * chunks it fetches, and each chosen column's current decompressed data page and dictionary. An
 * array is handed out again once asked for under the same name and number, so what was in it must
 * no longer be used: a data page's array once its rows are rendered, a dictionary's and a run's
 * once its row group is read. Arrays of up to {@link #KEPT_BYTES} are kept for the next row group;
 * a larger one is made for its one use, so a reader keeps a few MiB at most. Not thread-safe.
 */
final class PageBuffers {
  /** The largest array kept for reuse. */
  static final int KEPT_BYTES = 4 << 20;

  private byte[][] runs = new byte[0][];
  private byte[][] pages = new byte[0][];
  private byte[][] dictionaries = new byte[0][];

  /** An array of at least {@code size} bytes for the {@code index}-th run of a row group. */
  byte[] run(int index, int size) {
    runs = grown(runs, index);
    return array(runs, index, size);
  }

  /** An array of at least {@code size} bytes for a data page of the {@code column}-th column. */
  byte[] page(int column, int size) {
    pages = grown(pages, column);
    return array(pages, column, size);
  }

  /** An array of at least {@code size} bytes for the dictionary of the {@code column}-th column. */
  byte[] dictionary(int column, int size) {
    dictionaries = grown(dictionaries, column);
    return array(dictionaries, column, size);
  }

  private static byte[][] grown(byte[][] arrays, int index) {
    return index < arrays.length ? arrays : Arrays.copyOf(arrays, index + 1);
  }

  private static byte[] array(byte[][] arrays, int index, int size) {
    byte[] kept = arrays[index];
    if (kept != null && kept.length >= size) {
      return kept;
    }
    byte[] made = new byte[size];
    if (size <= KEPT_BYTES) {
      arrays[index] = made;
    }
    return made;
  }
}
