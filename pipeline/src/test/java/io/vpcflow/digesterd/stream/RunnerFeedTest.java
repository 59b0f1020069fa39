package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** How the stream sizes its work, by runner. */
class RunnerFeedTest {
  @Test
  void theDirectRunnerGetsBatchesOfSixteenAnyOtherRunnerSingleObjects() {
    assertEquals(16, RunnerFeed.objectsPerElement("DirectRunner"));
    assertEquals(1, RunnerFeed.objectsPerElement("FlinkRunner"));
  }

  @Test
  void theDirectRunnerSpreadsObjectsOverItsThreadsAnyOtherRunnerOverRandomKeys() {
    assertEquals(OptionalInt.of(3), RunnerFeed.spreadKeys("DirectRunner", 3));
    assertEquals(OptionalInt.empty(), RunnerFeed.spreadKeys("FlinkRunner", 3));
  }

  @Test
  void theDirectRunnerReadsABundleAsOneBatchAnyOtherRunnerEachObjectAlone() {
    assertTrue(RunnerFeed.batchesPerBundle("DirectRunner"));
    assertFalse(RunnerFeed.batchesPerBundle("FlinkRunner"));
  }
}
