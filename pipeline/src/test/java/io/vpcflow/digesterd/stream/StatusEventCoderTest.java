package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

/**
 * Round trips of {@link StatusEventCoder} through Beam's coder properties (every context, its
 * determinism, its serialisability); {@link StreamStatusTest} checks a plain round trip.
 */
class StatusEventCoderTest {
  private static final Instant STAMP = Instant.parse("2024-05-01T09:07:00Z");

  private static final List<StatusEvent> EVENTS =
      List.of(
          StatusEvent.objectRead(
              "AWSLogs/123456789012/vpcflowlogs/us-east-1/2024/05/01/a.log.gz",
              STAMP,
              STAMP.minusSeconds(60)),
          StatusEvent.objectAlreadyRead(
              "d\u00e9j\u00e0/\u65e5\u672c/\ud83d\ude80.log.parquet",
              STAMP,
              STAMP.minusSeconds(600)),
          StatusEvent.objectRead("", Instant.EPOCH, Instant.EPOCH),
          StatusEvent.partTaken(1_714_554_000L, 16, 1_800),
          StatusEvent.partTaken(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE),
          StatusEvent.partLate(1_714_553_700L, 1),
          StatusEvent.partLate(-300, 0),
          StatusEvent.windowClosed(1_714_554_000L),
          new StatusEvent(
              StatusEvent.Kind.OBJECT_READ,
              0,
              "k",
              Instant.ofEpochMilli(1_714_554_420_123L),
              Instant.ofEpochMilli(-1),
              0,
              0));

  @Test
  void everyKindIsCovered() {
    List<StatusEvent.Kind> kinds =
        new ArrayList<>(EVENTS.stream().map(StatusEvent::kind).distinct().toList());
    kinds.sort(null);
    assertEquals(List.of(StatusEvent.Kind.values()), kinds);
  }

  @Test
  void everyEventRoundTrips() throws Exception {
    for (StatusEvent event : EVENTS) {
      CoderProperties.coderDecodeEncodeEqual(StatusEventCoder.of(), event);
      CoderProperties.structuralValueDecodeEncodeEqual(StatusEventCoder.of(), event);
    }
  }

  @Test
  void equalEventsEncodeAlike() throws Exception {
    for (StatusEvent event : EVENTS) {
      StatusEvent copy =
          new StatusEvent(
              event.kind(),
              event.window(),
              new String(event.objectKey()),
              event.stamp(),
              event.eventTime(),
              event.objects(),
              event.records());
      CoderProperties.coderDeterministic(StatusEventCoder.of(), event, copy);
    }
  }

  /**
   * The coder survives Java serialisation (as it travels to workers) and the copy decodes what the
   * original encodes, and equals it ({@code CoderProperties.coderSerializable}).
   */
  @Test
  void aSerialisedCopyDecodesWhatTheOriginalEncodes() throws Exception {
    CoderProperties.coderSerializable(StatusEventCoder.of());
    StatusEventCoder copy = SerializableUtils.clone(StatusEventCoder.of());
    for (StatusEvent event : EVENTS) {
      assertEquals(
          event,
          CoderUtils.decodeFromByteArray(
              copy, CoderUtils.encodeToByteArray(StatusEventCoder.of(), event)));
    }
  }
}
