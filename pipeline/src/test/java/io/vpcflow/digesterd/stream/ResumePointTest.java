package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResumePointTest {
  private final StreamWindows hourly =
      new StreamWindows(Duration.ofHours(1), Duration.ofMinutes(15));
  private final Instant ten = Instant.parse("2024-05-01T10:00:00Z");
  private final long tenOClock = ten.getEpochSecond();

  @Test
  void theStoredTextRoundTrips() {
    ResumePoint point = new ResumePoint(ten);
    assertEquals("{\"resumeFrom\":\"2024-05-01T10:00:00Z\"}\n", point.text());
    assertEquals(point, ResumePoint.parse(point.text()));
    assertEquals(point, ResumePoint.parse(" { \"resumeFrom\" : \"2024-05-01T10:00:00Z\" } "));
  }

  @Test
  void somethingElseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ResumePoint.parse(""));
    assertThrows(
        IllegalArgumentException.class, () -> ResumePoint.parse("{\"resumeFrom\":\"yesterday\"}"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ResumePoint.parse("{\"from\":\"2024-05-01T10:00:00Z\"}"));
  }

  @Test
  void thePointMovesPastTheLatestWindowClosedByThen() {
    ResumePoint point = new ResumePoint(ten);
    long eleven = tenOClock + 3600;
    long twelve = tenOClock + 7200;
    assertEquals(
        Instant.parse("2024-05-01T12:00:00Z"),
        point
            .advance(List.of(eleven, tenOClock), Instant.parse("2024-05-01T12:15:00Z"), hourly)
            .window(),
        "10:00 and 11:00 are closed at 12:15");
    assertEquals(
        Instant.parse("2024-05-01T11:00:00Z"),
        point
            .advance(List.of(twelve, tenOClock), Instant.parse("2024-05-01T12:15:00Z"), hourly)
            .window(),
        "12:00 closes only at 13:15");
  }

  @Test
  void windowsWithoutRecordsAreSteppedOver() {
    long thirteen = tenOClock + 3 * 3600;
    assertEquals(
        Instant.parse("2024-05-01T14:00:00Z"),
        new ResumePoint(ten)
            .advance(List.of(thirteen), Instant.parse("2024-05-01T14:15:00Z"), hourly)
            .window());
  }

  @Test
  void thePointNeverGoesBack() {
    ResumePoint point = new ResumePoint(Instant.parse("2024-05-01T12:00:00Z"));
    assertEquals(
        point, point.advance(List.of(tenOClock), Instant.parse("2024-05-01T13:00:00Z"), hourly));
    assertEquals(point, point.advance(List.of(), Instant.parse("2024-05-01T23:00:00Z"), hourly));
  }

  @Test
  void aStoredPointWinsOverTheConfiguredStartAndTheClock() {
    Instant watermark = Instant.parse("2024-05-03T00:00:00Z");
    Optional<Instant> from = Optional.of(Instant.parse("2024-05-01T08:30:00Z"));
    assertEquals(
        ten, ResumePoint.firstWindow(Optional.of(new ResumePoint(ten)), from, watermark, hourly));
    assertEquals(
        Instant.parse("2024-05-01T08:00:00Z"),
        ResumePoint.firstWindow(Optional.empty(), from, watermark, hourly));
    assertEquals(
        Instant.parse("2024-05-02T23:00:00Z"),
        ResumePoint.firstWindow(Optional.empty(), Optional.empty(), watermark, hourly));
    assertEquals(
        ten,
        ResumePoint.firstWindow(
            Optional.of(new ResumePoint(Instant.parse("2024-05-01T10:40:00Z"))),
            from,
            watermark,
            hourly),
        "a point stored with another window length starts at the window holding it");
  }
}
