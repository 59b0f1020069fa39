package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.testing.CrashingRunner;
import org.junit.jupiter.api.Test;

/** How many objects the stream's source hands out as one element, by runner. */
class NewObjectsReaderTest {
  @Test
  void theDirectRunnerGetsBatchesOfEightAnyOtherRunnerSingleObjects() {
    assertEquals(8, NewObjectsReader.objectsPerElement(DirectRunner.class));
    assertEquals(1, NewObjectsReader.objectsPerElement(CrashingRunner.class));
  }
}
