package io.vpcflow.digesterd.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Decimal digits counted and written, checked against {@link Long#toString}. */
class DecimalDigitsTest {
  private static void assertDigits(long value) {
    String expected = Long.toString(value);
    assertEquals(expected.length(), DecimalDigits.count(value), "digits of " + value);
    byte[] into = new byte[24];
    DecimalDigits.write(value, into, 22);
    assertEquals(
        expected,
        new String(into, 22 - expected.length(), expected.length(), StandardCharsets.US_ASCII));
  }

  @Test
  void countsAndWritesTheDigitsAtEveryPowerOfTenAndTwo() {
    assertDigits(0);
    assertDigits(Long.MAX_VALUE);
    for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) {
      assertDigits(power - 1);
      assertDigits(power);
      assertDigits(power + 1);
    }
    assertDigits(1_000_000_000_000_000_000L);
    for (int bit = 0; bit < 63; bit++) {
      assertDigits((1L << bit) - 1);
      assertDigits(1L << bit);
    }
  }

  @Test
  void countsAndWritesTheDigitsOfRandomValues() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      assertDigits(random.nextLong(Long.MAX_VALUE) >>> random.nextInt(63));
    }
  }
}
