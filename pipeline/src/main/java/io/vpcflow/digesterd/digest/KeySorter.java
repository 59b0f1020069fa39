package io.vpcflow.digesterd.digest;

/**
 * Sorts digest keys into unsigned byte order, much faster than a comparison sort for millions of
 * keys: keys share long prefixes (version, account, interface), so comparing whole keys walks the
 * same bytes again and again, through pointers that miss the cache. This is a most-significant-
 * digit radix sort with 8-byte digits: each pass loads one 64-bit digit per key into a primitive
 * array, sorts that array (3-way quicksort, cache-friendly), and recurses only into runs of equal
 * digits.
 */
public final class KeySorter {
  private static final int SMALL = 24;

  private KeySorter() {}

  /**
   * Sorts {@code keys} in place into {@link DigestKey#compareTo} order, applying the same moves to
   * {@code values} (same length), so that {@code values[i]} stays with {@code keys[i]}.
   */
  public static void sort(DigestKey[] keys, Object[] values) {
    if (keys.length != values.length) {
      throw new IllegalArgumentException("keys and values differ in length");
    }
    long[] digits = new long[keys.length];
    sort(keys, values, digits, 0, keys.length, 0);
  }

  private static void sort(DigestKey[] keys, Object[] values, long[] digits, int lo, int hi, int depth) {
    if (hi - lo < SMALL) {
      insertionSort(keys, values, lo, hi);
      return;
    }
    boolean anyLonger = false;
    for (int i = lo; i < hi; i++) {
      digits[i] = digit(keys[i], depth);
      anyLonger |= keys[i].length() > depth + 8;
    }
    quicksort(digits, keys, values, lo, hi);
    if (!anyLonger) {
      return;
    }
    int start = lo;
    for (int i = lo + 1; i <= hi; i++) {
      if (i == hi || digits[i] != digits[start]) {
        if (i - start > 1) {
          sort(keys, values, digits, start, i, depth + 8);
        }
        start = i;
      }
    }
  }

  /** Bytes {@code depth..depth+7} of the key as an unsigned big-endian number, 0-padded. */
  private static long digit(DigestKey key, int depth) {
    long digit = 0;
    int length = key.length();
    for (int i = 0; i < 8; i++) {
      int at = depth + i;
      digit = (digit << 8) | (at < length ? key.byteAt(at) & 0xff : 0);
    }
    return digit;
  }

  private static void insertionSort(DigestKey[] k, Object[] v, int lo, int hi) {
    for (int i = lo + 1; i < hi; i++) {
      for (int j = i; j > lo && k[j - 1].compareTo(k[j]) > 0; j--) {
        swap(null, k, v, j, j - 1);
      }
    }
  }

  private static void quicksort(long[] d, DigestKey[] k, Object[] v, int lo, int hi) {
    while (hi - lo > SMALL) {
      long pivot = median(d[lo], d[(lo + hi) >>> 1], d[hi - 1]);
      int lt = lo;
      int i = lo;
      int gt = hi;
      while (i < gt) {
        int cmp = Long.compareUnsigned(d[i], pivot);
        if (cmp < 0) {
          swap(d, k, v, lt++, i++);
        } else if (cmp > 0) {
          swap(d, k, v, i, --gt);
        } else {
          i++;
        }
      }
      if (lt - lo < hi - gt) {
        quicksort(d, k, v, lo, lt);
        lo = gt;
      } else {
        quicksort(d, k, v, gt, hi);
        hi = lt;
      }
    }
    for (int i = lo + 1; i < hi; i++) {
      for (int j = i; j > lo && Long.compareUnsigned(d[j - 1], d[j]) > 0; j--) {
        swap(d, k, v, j, j - 1);
      }
    }
  }

  private static long median(long a, long b, long c) {
    if (Long.compareUnsigned(a, b) > 0) {
      long t = a;
      a = b;
      b = t;
    }
    if (Long.compareUnsigned(b, c) > 0) {
      b = c;
    }
    return Long.compareUnsigned(a, b) > 0 ? a : b;
  }

  private static void swap(long[] d, DigestKey[] k, Object[] v, int i, int j) {
    if (d != null) {
      long dt = d[i];
      d[i] = d[j];
      d[j] = dt;
    }
    DigestKey kt = k[i];
    k[i] = k[j];
    k[j] = kt;
    Object vt = v[i];
    v[i] = v[j];
    v[j] = vt;
  }
}
