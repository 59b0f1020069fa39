package io.vpcflow.digesterd.parquet;

import java.io.IOException;
import java.util.Arrays;

/**
 * The arrays one Parquet reader fills again for every row group: the stored bytes of each run of
 * chunks it fetches, and each chosen column's current decompressed data page and dictionary. An
 * array is handed out again once asked for under the same name and number, so what was in it must
 * no longer be used: a data page's array once its rows are rendered, a dictionary's and a run's
 * once its row group is read. Arrays of up to {@link #KEPT_BYTES} are kept for the next row group;
 * a larger one is made for its one use. The current pages and dictionaries of a row group may hold
 * at most {@link #MAX_HELD_BYTES} decompressed, together: a file whose pages would hold more at
 * once (a few compressed bytes can claim many) is refused. Not thread-safe.
 */
final class PageBuffers {
  /** The largest array kept for reuse. */
  static final int KEPT_BYTES = 2 << 20;

  /** The most bytes a row group's current decompressed pages and dictionaries hold together. */
  static final int MAX_HELD_BYTES = 64 << 20;

  private byte[][] runs = new byte[0][];
  private byte[][] pages = new byte[0][];
  private byte[][] dictionaries = new byte[0][];
  private int[] pageSizes = new int[0];
  private int[] dictionarySizes = new int[0];
  private long held;

  /** Starts a row group: the pages and dictionaries of the one before are no longer held. */
  void startRowGroup() {
    Arrays.fill(pageSizes, 0);
    Arrays.fill(dictionarySizes, 0);
    held = 0;
  }

  /** An array of at least {@code size} bytes for the {@code index}-th run of a row group. */
  byte[] run(int index, int size) {
    runs = grown(runs, index);
    return array(runs, index, size);
  }

  /**
   * An array of at least {@code size} bytes for a data page of the {@code column}-th column, which
   * replaces its page before.
   *
   * @throws IOException when the row group's pages and dictionaries would then hold more than
   *     {@link #MAX_HELD_BYTES}
   */
  byte[] page(int column, int size) throws IOException {
    pageSizes = hold(pageSizes, column, size);
    pages = grown(pages, column);
    return array(pages, column, size);
  }

  /**
   * An array of at least {@code size} bytes for the dictionary of the {@code column}-th column.
   *
   * @throws IOException when the row group's pages and dictionaries would then hold more than
   *     {@link #MAX_HELD_BYTES}
   */
  byte[] dictionary(int column, int size) throws IOException {
    dictionarySizes = hold(dictionarySizes, column, size);
    dictionaries = grown(dictionaries, column);
    return array(dictionaries, column, size);
  }

  private int[] hold(int[] sizes, int column, int size) throws IOException {
    int[] all = column < sizes.length ? sizes : Arrays.copyOf(sizes, column + 1);
    long after = held - all[column] + size;
    if (after > MAX_HELD_BYTES) {
      throw new IOException(
          "a row group's pages would hold "
              + after
              + " bytes decompressed at once (at most "
              + MAX_HELD_BYTES
              + ")");
    }
    held = after;
    all[column] = size;
    return all;
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
