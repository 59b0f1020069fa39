package io.vpcflow.digesterd.digest;

/**
 * Sorts digest keys into unsigned byte order, much faster than a comparison sort for millions of
 * keys: keys share long prefixes (version, account, interface), so comparing whole keys walks the
 * same bytes again and again, through pointers that miss the cache. This is a most-significant-
 * digit radix sort with 4-byte digits: each pass packs one digit and the key's index into a
 * {@code long}, sorts those primitives, and recurses only into runs of equal digits. Keys and
 * values are moved once, at the end.
 */
public final class KeySorter {
  private static final int SMALL = 16;
  private static final int DIGIT = 4;

  private KeySorter() {}

  /**
   * Sorts {@code keys} in place into {@link DigestKey#compareTo} order, applying the same moves to
   * {@code values} (same length), so that {@code values[i]} stays with {@code keys[i]}.
   */
  public static void sort(DigestKey[] keys, Object[] values) {
    if (keys.length != values.length) {
      throw new IllegalArgumentException("keys and values differ in length");
    }
    int n = keys.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    sort(keys, order, new long[n], 0, n, 0);
    DigestKey[] sortedKeys = new DigestKey[n];
    Object[] sortedValues = new Object[n];
    for (int i = 0; i < n; i++) {
      sortedKeys[i] = keys[order[i]];
      sortedValues[i] = values[order[i]];
    }
    System.arraycopy(sortedKeys, 0, keys, 0, n);
    System.arraycopy(sortedValues, 0, values, 0, n);
  }

  /** Sorts {@code order[lo..hi)}, whose keys all share their first {@code depth} bytes. */
  private static void sort(DigestKey[] keys, int[] order, long[] packed, int lo, int hi, int depth) {
    if (hi - lo < SMALL) {
      insertionSort(keys, order, lo, hi);
      return;
    }
    boolean anyLonger = false;
    for (int i = lo; i < hi; i++) {
      DigestKey key = keys[order[i]];
      long digit = digit(key, depth) ^ 0x80000000L;
      packed[i] = (digit << 32) | order[i];
      anyLonger |= key.length() > depth + DIGIT;
    }
    java.util.Arrays.sort(packed, lo, hi);
    for (int i = lo; i < hi; i++) {
      order[i] = (int) packed[i];
    }
    if (!anyLonger) {
      return;
    }
    int start = lo;
    for (int i = lo + 1; i <= hi; i++) {
      if (i == hi || (packed[i] >>> 32) != (packed[start] >>> 32)) {
        if (i - start > 1) {
          sort(keys, order, packed, start, i, depth + DIGIT);
        }
        start = i;
      }
    }
  }

  /** Bytes {@code depth..depth+3} of the key as an unsigned big-endian number, 0-padded. */
  private static long digit(DigestKey key, int depth) {
    int digit = 0;
    int length = key.length();
    for (int i = 0; i < DIGIT; i++) {
      int at = depth + i;
      digit = (digit << 8) | (at < length ? key.byteAt(at) & 0xff : 0);
    }
    return digit & 0xffffffffL;
  }

  private static void insertionSort(DigestKey[] keys, int[] order, int lo, int hi) {
    for (int i = lo + 1; i < hi; i++) {
      int moving = order[i];
      int j = i;
      while (j > lo && keys[order[j - 1]].compareTo(keys[moving]) > 0) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = moving;
    }
  }
}
