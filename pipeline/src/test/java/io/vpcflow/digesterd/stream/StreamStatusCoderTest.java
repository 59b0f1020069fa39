package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpcflow.digesterd.stream.StreamStatus.LastObject;
import io.vpcflow.digesterd.stream.StreamStatus.OpenWindow;
import io.vpcflow.digesterd.stream.StreamStatus.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

/**
 * Round trips of {@link StreamStatusCoder} through Beam's coder properties, in every context. The
 * coder does not claim determinism (it writes JSON), so only round trips are checked.
 */
class StreamStatusCoderTest {
  private static final StreamWindows WINDOWS =
      new StreamWindows(Duration.ofMinutes(5), Duration.ofMinutes(2));
  private static final Instant STARTED = Instant.parse("2024-05-01T10:00:00Z");
  private static final long W0 = Instant.parse("2024-05-01T09:00:00Z").getEpochSecond();

  private static List<StreamStatus> statuses() {
    Instant stamp = Instant.parse("2024-05-01T09:07:00Z");
    StreamStatus folded =
        StreamStatus.started(STARTED)
            .with(
                StatusEvent.objectRead(
                    "d\u00e9j\u00e0/\u65e5\u672c/\ud83d\ude80 \"quoted\" \\.log.gz",
                    stamp,
                    stamp.minusSeconds(60)),
                WINDOWS)
            .with(StatusEvent.objectAlreadyRead("old", stamp, stamp.minusSeconds(60)), WINDOWS)
            .with(StatusEvent.partTaken(W0, 1, 3), WINDOWS)
            .with(StatusEvent.partTaken(W0 + 300, 1, 10), WINDOWS)
            .with(StatusEvent.partTaken(W0 + 600, 1, 1), WINDOWS)
            .with(StatusEvent.windowClosed(W0), WINDOWS)
            .with(StatusEvent.partLate(W0, 2), WINDOWS)
            .updated(STARTED.plusSeconds(5));
    StreamStatus extreme =
        new StreamStatus(
            Instant.parse("2024-05-01T10:00:00Z"),
            Instant.parse("2024-05-01T10:00:00.123456789Z"),
            new LastObject("", Instant.EPOCH),
            Instant.MIN,
            List.of(
                new OpenWindow(
                    Instant.MIN, Instant.MAX, Instant.EPOCH, Long.MAX_VALUE, Long.MAX_VALUE),
                new OpenWindow(Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, 0, 0)),
            new Window(Instant.MAX, Instant.MIN),
            Long.MAX_VALUE,
            Long.MAX_VALUE,
            Long.MAX_VALUE,
            Long.MAX_VALUE,
            Long.MAX_VALUE);
    return List.of(StreamStatus.started(STARTED), folded, extreme);
  }

  @Test
  void everyStatusRoundTrips() throws Exception {
    for (StreamStatus status : statuses()) {
      CoderProperties.coderDecodeEncodeEqual(StreamStatusCoder.of(), status);
      CoderProperties.structuralValueDecodeEncodeEqual(StreamStatusCoder.of(), status);
    }
  }

  /**
   * The coder survives Java serialisation (as it travels to workers) and the copy decodes what the
   * original encodes, and equals it ({@code CoderProperties.coderSerializable}).
   */
  @Test
  void aSerialisedCopyDecodesWhatTheOriginalEncodes() throws Exception {
    CoderProperties.coderSerializable(StreamStatusCoder.of());
    StreamStatusCoder copy = SerializableUtils.clone(StreamStatusCoder.of());
    for (StreamStatus status : statuses()) {
      assertEquals(
          status,
          CoderUtils.decodeFromByteArray(
              copy, CoderUtils.encodeToByteArray(StreamStatusCoder.of(), status)));
    }
  }
}
