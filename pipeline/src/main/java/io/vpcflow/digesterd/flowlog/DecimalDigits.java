package io.vpcflow.digesterd.flowlog;

/** The decimal text of numbers that are not negative, written into byte arrays as ASCII. */
public final class DecimalDigits {
  private static final long[] POWERS_OF_TEN = new long[19];

  /** "00" to "99": the two digits of {@code n} at {@code 2n} and {@code 2n + 1}. */
  private static final byte[] DIGIT_PAIRS = new byte[200];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
    for (int n = 0; n < 100; n++) {
      DIGIT_PAIRS[2 * n] = (byte) ('0' + n / 10);
      DIGIT_PAIRS[2 * n + 1] = (byte) ('0' + n % 10);
    }
  }

  private DecimalDigits() {}

  /** The number of decimal digits of {@code value}, which is not negative. */
  public static int count(long value) {
    // 1233 / 4096 approximates log10(2): the estimate from the bit length is exact or one short.
    int estimate = ((64 - Long.numberOfLeadingZeros(value)) * 1233) >>> 12;
    return estimate < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[estimate]
        ? estimate + 1
        : Math.max(estimate, 1);
  }

  /**
   * Writes the {@link #count} digits of {@code value}, which is not negative, so that the last one
   * is at {@code end - 1}.
   */
  public static void write(long value, byte[] into, int end) {
    int i = end;
    long v = value;
    while (v > Integer.MAX_VALUE) {
      long hundredth = v / 100;
      int pair = (int) (v - hundredth * 100) * 2;
      into[--i] = DIGIT_PAIRS[pair + 1];
      into[--i] = DIGIT_PAIRS[pair];
      v = hundredth;
    }
    int w = (int) v;
    while (w >= 100) {
      int hundredth = w / 100;
      int pair = (w - hundredth * 100) * 2;
      into[--i] = DIGIT_PAIRS[pair + 1];
      into[--i] = DIGIT_PAIRS[pair];
      w = hundredth;
    }
    if (w >= 10) {
      into[--i] = DIGIT_PAIRS[w * 2 + 1];
      into[--i] = DIGIT_PAIRS[w * 2];
    } else {
      into[--i] = (byte) ('0' + w);
    }
  }
}
