package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StreamWindowsTest {
  private final StreamWindows hourly =
      new StreamWindows(Duration.ofHours(1), Duration.ofMinutes(15));
  private final long tenOClock = Instant.parse("2024-05-01T10:00:00Z").getEpochSecond();

  @Test
  void windowsAreAlignedToUtc() {
    assertEquals(tenOClock, hourly.startOf(tenOClock));
    assertEquals(tenOClock, hourly.startOf(tenOClock + 3599));
    assertEquals(tenOClock + 3600, hourly.startOf(tenOClock + 3600));
    assertEquals(-3600, hourly.startOf(-1), "before the epoch too");
    assertEquals(
        "[2024-05-01T10:00:00Z, 2024-05-01T11:00:00Z)", hourly.window(tenOClock).toString());
  }

  @Test
  void aWindowClosesAtItsEndPlusTheLateness() {
    assertEquals(Instant.parse("2024-05-01T11:15:00Z"), hourly.closesAt(tenOClock));
    assertFalse(hourly.isClosed(tenOClock, Instant.parse("2024-05-01T11:14:59.999Z")));
    assertTrue(hourly.isClosed(tenOClock, Instant.parse("2024-05-01T11:15:00Z")));
  }

  @Test
  void theFirstOpenWindowIsTheEarliestNotClosed() {
    assertEquals(tenOClock, hourly.firstOpen(Instant.parse("2024-05-01T11:14:59Z")));
    assertEquals(tenOClock + 3600, hourly.firstOpen(Instant.parse("2024-05-01T11:15:00Z")));
    long first = hourly.firstOpen(Instant.parse("2024-05-01T11:15:00Z"));
    assertFalse(hourly.isClosed(first, Instant.parse("2024-05-01T11:15:00Z")));
    assertTrue(hourly.isClosed(first - 3600, Instant.parse("2024-05-01T11:15:00Z")));
  }

  @Test
  void refusesWindowsThatDoNotDivideADayAndNegativeLateness() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new StreamWindows(Duration.ofMinutes(7), Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> new StreamWindows(Duration.ofSeconds(90), Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> new StreamWindows(Duration.ofSeconds(30), Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> new StreamWindows(Duration.ofMinutes(5), Duration.ofMinutes(-1)));
    new StreamWindows(Duration.ofMinutes(5), Duration.ZERO);
  }
}
