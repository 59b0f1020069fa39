package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

/** Round trips of {@link NewObjectsCheckpoint.Coder}, its determinism and its serialisability. */
class NewObjectsCheckpointCoderTest {
  private static final NewObjectsCheckpoint.Coder CODER = new NewObjectsCheckpoint.Coder();
  private static final String DAY = "AWSLogs/123456789012/vpcflowlogs/us-east-1/2024/05/01/";

  private static String key(int i) {
    return DAY
        + String.format(
            "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T%02d%02dZ_%08x.log.gz",
            i / 12, i % 12 * 5, i);
  }

  private static List<NewObjectsCheckpoint> checkpoints() {
    Set<String> many =
        IntStream.range(0, 288)
            .mapToObj(NewObjectsCheckpointCoderTest::key)
            .collect(Collectors.toSet());
    return List.of(
        new NewObjectsCheckpoint(Set.of(), Optional.empty()),
        new NewObjectsCheckpoint(Set.of(), Optional.of(Instant.EPOCH)),
        new NewObjectsCheckpoint(
            Set.of(key(1)), Optional.of(Instant.parse("2024-05-01T00:04:00Z"))),
        new NewObjectsCheckpoint(many, Optional.of(Instant.parse("2024-05-01T23:54:00.123Z"))),
        new NewObjectsCheckpoint(
            Set.of("", "d\u00e9j\u00e0/\u65e5\u672c/\ud83d\ude80.log.parquet", key(2)),
            Optional.of(Instant.ofEpochMilli(Long.MAX_VALUE))));
  }

  @Test
  void everyCheckpointRoundTrips() throws Exception {
    for (NewObjectsCheckpoint checkpoint : checkpoints()) {
      CoderProperties.coderDecodeEncodeEqual(CODER, checkpoint);
      CoderProperties.structuralValueDecodeEncodeEqual(CODER, checkpoint);
    }
  }

  @Test
  void theDecodedCheckpointKeepsEveryKeyAndTheWatermark() throws Exception {
    NewObjectsCheckpoint many = checkpoints().get(3);
    NewObjectsCheckpoint decoded =
        CoderUtils.decodeFromByteArray(CODER, CoderUtils.encodeToByteArray(CODER, many));
    assertEquals(288, decoded.emitted().size());
    assertEquals(List.copyOf(many.emitted()), List.copyOf(decoded.emitted()), "the keys, sorted");
    assertEquals(Optional.of(Instant.parse("2024-05-01T23:54:00.123Z")), decoded.watermark());
  }

  @Test
  void keysHandedOutInAnyOrderEncodeAlike() throws Exception {
    for (NewObjectsCheckpoint checkpoint : checkpoints()) {
      Set<String> reversed =
          new LinkedHashSet<>(
              checkpoint.emitted().stream().sorted(java.util.Comparator.reverseOrder()).toList());
      CoderProperties.coderDeterministic(
          CODER, checkpoint, new NewObjectsCheckpoint(reversed, checkpoint.watermark()));
    }
  }

  /**
   * The coder survives Java serialisation (as it travels to workers) and the copy decodes what the
   * original encodes, and equals it ({@code CoderProperties.coderSerializable}).
   */
  @Test
  void aSerialisedCopyDecodesWhatTheOriginalEncodes() throws Exception {
    CoderProperties.coderSerializable(CODER);
    NewObjectsCheckpoint.Coder copy = SerializableUtils.clone(CODER);
    for (NewObjectsCheckpoint checkpoint : checkpoints()) {
      assertEquals(
          checkpoint,
          CoderUtils.decodeFromByteArray(copy, CoderUtils.encodeToByteArray(CODER, checkpoint)));
    }
  }
}
