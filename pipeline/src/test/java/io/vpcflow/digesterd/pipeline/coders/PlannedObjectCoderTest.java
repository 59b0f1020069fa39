package io.vpcflow.digesterd.pipeline.coders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpcflow.digesterd.layout.PlannedObject;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

/** Round trips of {@link PlannedObjectCoder}, its determinism and its serialisability. */
class PlannedObjectCoderTest {
  private static final String KEY =
      "AWSLogs/123456789012/vpcflowlogs/us-east-1/2024/05/01/"
          + "123456789012_vpcflowlogs_us-east-1_fl-0a1b2c3d4e5f60718_20240501T0005Z_a1b2c3d4.log.gz";

  private static final List<PlannedObject> OBJECTS =
      List.of(
          new PlannedObject("s3://logs/" + KEY, KEY, 48_213, Instant.parse("2024-05-01T00:05:00Z")),
          new PlannedObject(
              "s3://logs/prefix/" + KEY.replace(".log.gz", ".log.parquet"),
              KEY.replace(".log.gz", ".log.parquet"),
              1,
              Instant.parse("2024-12-31T23:59:00Z")),
          new PlannedObject(
              "file:///tmp/logs/" + KEY,
              KEY,
              Long.MAX_VALUE,
              Instant.parse("9999-12-31T23:59:00Z")),
          new PlannedObject(
              "file:///tmp/d\u00e9j\u00e0-vu/\u65e5\u672c/\ud83d\ude80.log.gz",
              "d\u00e9j\u00e0-vu/\u65e5\u672c/\ud83d\ude80.log.gz",
              7,
              Instant.EPOCH),
          new PlannedObject("", "", 0, Instant.ofEpochSecond(-1)));

  @Test
  void everyObjectRoundTrips() throws Exception {
    for (PlannedObject object : OBJECTS) {
      CoderProperties.coderDecodeEncodeEqual(PlannedObjectCoder.of(), object);
      CoderProperties.structuralValueDecodeEncodeEqual(PlannedObjectCoder.of(), object);
    }
  }

  @Test
  void equalObjectsEncodeAlike() throws Exception {
    for (PlannedObject object : OBJECTS) {
      PlannedObject copy =
          new PlannedObject(
              new String(object.uri()),
              new String(object.key()),
              object.size(),
              object.timestamp());
      CoderProperties.coderDeterministic(PlannedObjectCoder.of(), object, copy);
    }
  }

  /**
   * The coder survives Java serialisation (as it travels to workers) and the copy decodes what the
   * original encodes, and equals it ({@code CoderProperties.coderSerializable}).
   */
  @Test
  void aSerialisedCopyDecodesWhatTheOriginalEncodes() throws Exception {
    CoderProperties.coderSerializable(PlannedObjectCoder.of());
    PlannedObjectCoder copy = SerializableUtils.clone(PlannedObjectCoder.of());
    for (PlannedObject object : OBJECTS) {
      assertEquals(
          object,
          CoderUtils.decodeFromByteArray(
              copy, CoderUtils.encodeToByteArray(PlannedObjectCoder.of(), object)));
    }
  }
}
