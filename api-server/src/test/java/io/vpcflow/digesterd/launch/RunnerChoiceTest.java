package io.vpcflow.digesterd.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.config.FlinkSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunnerChoiceTest {
  private static final FlinkSettings FLINK =
      new FlinkSettings(Optional.of("127.0.0.1:8081"), 1000, Optional.empty());

  @Test
  void withoutAFlinkAddressEveryWindowRunsOnTheDefaultRunner() {
    RunnerChoice choice = RunnerChoice.choose(Long.MAX_VALUE, FlinkSettings.none(), "DirectRunner");
    assertFalse(choice.flink());
    assertEquals("DirectRunner", choice.runner());
    assertEquals(
        "no Flink cluster configured (DIGEST_FLINK_MASTER): every digest runs on DirectRunner",
        choice.reason());
  }

  @Test
  void windowsBelowTheThresholdRunOnTheDefaultRunner() {
    RunnerChoice choice = RunnerChoice.choose(999, FLINK, "DirectRunner");
    assertFalse(choice.flink());
    assertEquals("DirectRunner", choice.runner());
    assertEquals(
        "listed input 999 bytes < DIGEST_FLINK_THRESHOLD_BYTES 1000: DirectRunner",
        choice.reason());
  }

  @Test
  void windowsAtOrAboveTheThresholdGoToFlink() {
    RunnerChoice at = RunnerChoice.choose(1000, FLINK, "DirectRunner");
    assertTrue(at.flink());
    assertEquals("FlinkRunner", at.runner());
    assertEquals(
        "listed input 1000 bytes >= DIGEST_FLINK_THRESHOLD_BYTES 1000: Flink at 127.0.0.1:8081",
        at.reason());
    assertTrue(RunnerChoice.choose(5000, FLINK, "DirectRunner").flink());
  }
}
