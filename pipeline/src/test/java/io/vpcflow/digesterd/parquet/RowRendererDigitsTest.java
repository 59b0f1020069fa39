package io.vpcflow.digesterd.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RowRendererDigitsTest {
  private static void assertDigits(long value) {
    assertEquals(Long.toString(value).length(), RowRenderer.digits(value), "digits of " + value);
  }

  @Test
  void countsTheDecimalDigitsAtEveryPowerOfTenAndTwo() {
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
  void countsTheDecimalDigitsOfRandomValues() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      assertDigits(random.nextLong(Long.MAX_VALUE) >>> random.nextInt(63));
    }
  }
}
