package io.vpcflow.digesterd.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FoldBudgetTest {
  @Test
  void twoFifthsOfTheHeapSharedByTheShardsRunningAtOnce() {
    assertEquals(400L << 20, FoldBudget.defaultBytes(1000L << 20, 1, 2));
    assertEquals(200L << 20, FoldBudget.defaultBytes(1000L << 20, 2, 2));
    assertEquals(200L << 20, FoldBudget.defaultBytes(1000L << 20, 16, 2));
    assertEquals(FoldBudget.MIN_BYTES, FoldBudget.defaultBytes(16L << 20, 8, 8));
  }

  @Test
  void aConfiguredBudgetWins() {
    assertEquals(64L << 20, FoldBudget.bytes(64, 2));
  }
}
