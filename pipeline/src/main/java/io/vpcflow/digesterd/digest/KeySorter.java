package io.vpcflow.digesterd.digest;

/**
 * Sorts keys into unsigned byte order, much faster than a comparison sort for millions of keys:
 * keys share long prefixes (version, account, interface), so comparing whole keys walks the same
 * bytes again and again, with cache misses. This is a most-significant-digit radix sort with 4-byte
 * digits: each pass packs one digit and the key's number into a {@code long}, sorts those
 * primitives, and recurses only into runs of equal digits.
 */
public final class KeySorter {
  private static final int SMALL = 16;
  private static final int DIGIT = 4;

  private KeySorter() {}

  /** Keys numbered {@code 0..n-1}, as bytes. */
  public interface Keys {
    /** The length of key {@code key}. */
    int length(int key);

    /** Byte {@code index} of key {@code key}, as an unsigned value. */
    int byteAt(int key, int index);

    /** Compares two keys as unsigned bytes. */
    int compare(int a, int b);

    /**
     * Bytes {@code depth..depth+3} of key {@code key} as an unsigned big-endian number, bytes past
     * the key's end read as 0.
     */
    default int digit(int key, int depth) {
      int digit = 0;
      int length = length(key);
      for (int i = 0; i < DIGIT; i++) {
        int at = depth + i;
        digit = (digit << 8) | (at < length ? byteAt(key, at) : 0);
      }
      return digit;
    }
  }

  /** The numbers {@code 0..n-1} of {@code keys}, in ascending key order. */
  public static int[] sortedOrder(Keys keys, int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    sort(keys, order, new long[n], 0, n, 0);
    return order;
  }

  /**
   * Sorts {@code order[lo..hi)}, whose keys all share their first {@code depth} bytes. A digit that
   * all the keys share (keys share long prefixes) is stepped over without sorting.
   */
  private static void sort(Keys keys, int[] order, long[] packed, int lo, int hi, int depth) {
    if (hi - lo < SMALL) {
      insertionSort(keys, order, lo, hi);
      return;
    }
    boolean anyLonger;
    boolean allEqual;
    do {
      anyLonger = false;
      allEqual = true;
      long first = 0;
      for (int i = lo; i < hi; i++) {
        int key = order[i];
        long digit = (keys.digit(key, depth) & 0xffffffffL) ^ 0x80000000L;
        packed[i] = (digit << 32) | key;
        if (i == lo) {
          first = digit;
        } else {
          allEqual &= digit == first;
        }
        anyLonger |= keys.length(key) > depth + DIGIT;
      }
      if (allEqual && anyLonger) {
        depth += DIGIT;
      }
    } while (allEqual && anyLonger);
    if (allEqual) {
      return;
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

  private static void insertionSort(Keys keys, int[] order, int lo, int hi) {
    for (int i = lo + 1; i < hi; i++) {
      int moving = order[i];
      int j = i;
      while (j > lo && keys.compare(order[j - 1], moving) > 0) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = moving;
    }
  }
}
