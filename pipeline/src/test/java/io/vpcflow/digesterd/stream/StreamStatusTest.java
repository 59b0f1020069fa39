package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vpcflow.digesterd.stream.StreamStatus.LastObject;
import io.vpcflow.digesterd.stream.StreamStatus.OpenWindow;
import io.vpcflow.digesterd.stream.StreamStatus.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamStatusTest {
  private final StreamWindows windows =
      new StreamWindows(Duration.ofMinutes(5), Duration.ofMinutes(2));
  private final Instant started = Instant.parse("2024-05-01T10:00:00Z");
  private final long w0 = Instant.parse("2024-05-01T09:00:00Z").getEpochSecond();
  private final long w1 = w0 + 300;
  private final long w2 = w0 + 600;

  @Test
  void aNewRunReportsNothingYet() {
    StreamStatus status = StreamStatus.started(started);
    assertEquals(Instant.parse("2024-05-01T10:00:00Z"), status.startedAt());
    assertNull(status.lastObject());
    assertNull(status.watermark());
    assertEquals(List.of(), status.openWindows());
    assertEquals(
        0, status.objectsRead() + status.records() + status.lateRecords() + status.windowsClosed());
  }

  @Test
  void theLastObjectIsTheOneReadLastAndTheWatermarkMovesForwardOnly() {
    StreamStatus status =
        StreamStatus.started(started)
            .with(read("b", "2024-05-01T09:07:00Z"), windows)
            .with(read("a", "2024-05-01T09:04:00Z"), windows);
    assertEquals(
        new LastObject("a", Instant.parse("2024-05-01T09:04:00Z")),
        status.lastObject(),
        "a was read after b");
    assertEquals(
        Instant.parse("2024-05-01T09:06:00Z"),
        status.watermark(),
        "b's stamp minus the 1-minute slack: a is older");
    assertEquals(2, status.objectsRead());
    status = status.with(read("c", "2024-05-01T09:08:00Z"), windows);
    assertEquals(new LastObject("c", Instant.parse("2024-05-01T09:08:00Z")), status.lastObject());
    assertEquals(Instant.parse("2024-05-01T09:07:00Z"), status.watermark());
  }

  @Test
  void anObjectReadBeforeARestartMovesTheWatermarkButIsNotTheLastObjectRead() {
    Instant stamp = Instant.parse("2024-05-01T09:07:00Z");
    StreamStatus status =
        StreamStatus.started(started)
            .with(
                StatusEvent.objectAlreadyRead("old", stamp, stamp.minus(Duration.ofMinutes(1))),
                windows);
    assertEquals(1, status.objectsAlreadyRead());
    assertEquals(0, status.objectsRead());
    assertNull(status.lastObject());
    assertEquals(Instant.parse("2024-05-01T09:06:00Z"), status.watermark());
  }

  @Test
  void partsOpenWindowsInOrderAndACloseRemovesThem() {
    StreamStatus status =
        StreamStatus.started(started)
            .with(StatusEvent.partTaken(w1, 4, 10), windows)
            .with(StatusEvent.partTaken(w0, 1, 3), windows)
            .with(StatusEvent.partTaken(w1, 2, 5), windows);
    assertEquals(
        List.of(
            new OpenWindow(
                Instant.parse("2024-05-01T09:00:00Z"),
                Instant.parse("2024-05-01T09:05:00Z"),
                Instant.parse("2024-05-01T09:07:00Z"),
                1,
                3),
            new OpenWindow(
                Instant.parse("2024-05-01T09:05:00Z"),
                Instant.parse("2024-05-01T09:10:00Z"),
                Instant.parse("2024-05-01T09:12:00Z"),
                6,
                15)),
        status.openWindows());
    assertEquals(18, status.records());

    status = status.with(StatusEvent.windowClosed(w0), windows);
    assertEquals(
        List.of(Instant.parse("2024-05-01T09:05:00Z")),
        status.openWindows().stream().map(OpenWindow::start).toList());
    assertEquals(
        new Window(Instant.parse("2024-05-01T09:00:00Z"), Instant.parse("2024-05-01T09:05:00Z")),
        status.lastClosedWindow());
    assertEquals(1, status.windowsClosed());
    assertEquals(18, status.records(), "records stay counted after their window closed");
  }

  @Test
  void aPartHeardOfAfterItsWindowClosedIsCountedWithoutReopeningIt() {
    StreamStatus status =
        StreamStatus.started(started)
            .with(StatusEvent.partTaken(w2, 1, 1), windows)
            .with(StatusEvent.windowClosed(w1), windows)
            .with(StatusEvent.partTaken(w1, 1, 4), windows)
            .with(StatusEvent.partTaken(w0, 1, 2), windows)
            .with(StatusEvent.windowClosed(w0), windows);
    assertEquals(
        List.of(Instant.parse("2024-05-01T09:10:00Z")),
        status.openWindows().stream().map(OpenWindow::start).toList());
    assertEquals(7, status.records());
    assertEquals(2, status.windowsClosed());
    assertEquals(
        Instant.parse("2024-05-01T09:05:00Z"),
        status.lastClosedWindow().start(),
        "the latest window closed stays");
  }

  @Test
  void lateRecordsAreCounted() {
    StreamStatus status =
        StreamStatus.started(started)
            .with(StatusEvent.partLate(w0, 2), windows)
            .with(StatusEvent.partLate(w0, 3), windows);
    assertEquals(5, status.lateRecords());
    assertEquals(0, status.records());
    assertEquals(List.of(), status.openWindows(), "a late part opens no window");
  }

  @Test
  void theDocumentRoundTripsThroughItsJsonAndItsCoder() throws Exception {
    StreamStatus status =
        StreamStatus.started(started)
            .with(read("k", "2024-05-01T09:07:00Z"), windows)
            .with(StatusEvent.partTaken(w1, 1, 10), windows)
            .with(StatusEvent.partLate(w0, 1), windows)
            .updated(Instant.parse("2024-05-01T10:00:05Z"));
    String json = StreamStatusJson.write(status);
    assertEquals(status, StreamStatusJson.read(json));
    assertEquals(
        status,
        StreamStatusJson.read(json.replace("{", "{\"comingLater\": 1, ")),
        "unknown fields are ignored");
    assertEquals(
        status,
        org.apache.beam.sdk.util.CoderUtils.decodeFromByteArray(
            StreamStatusCoder.of(),
            org.apache.beam.sdk.util.CoderUtils.encodeToByteArray(StreamStatusCoder.of(), status)));
    assertEquals(
        StreamStatus.started(started),
        StreamStatusJson.read(StreamStatusJson.write(StreamStatus.started(started))));
  }

  @Test
  void eventsRoundTripThroughTheirCoder() throws Exception {
    for (StatusEvent event :
        List.of(
            read("k", "2024-05-01T09:07:00Z"),
            StatusEvent.objectAlreadyRead(
                "o", Instant.parse("2024-05-01T09:01:00Z"), Instant.parse("2024-05-01T09:00:00Z")),
            StatusEvent.partTaken(w1, 1, 7),
            StatusEvent.partLate(w0, 1),
            StatusEvent.windowClosed(w2))) {
      assertEquals(
          event,
          org.apache.beam.sdk.util.CoderUtils.decodeFromByteArray(
              StatusEventCoder.of(),
              org.apache.beam.sdk.util.CoderUtils.encodeToByteArray(StatusEventCoder.of(), event)));
    }
  }

  private static StatusEvent read(String key, String stamp) {
    Instant at = Instant.parse(stamp);
    return StatusEvent.objectRead(key, at, at.minus(Duration.ofMinutes(1)));
  }
}
