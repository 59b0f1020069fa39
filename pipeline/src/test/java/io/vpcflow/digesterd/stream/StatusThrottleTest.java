package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusThrottleTest {
  private final StatusThrottle throttle = new StatusThrottle(Duration.ofSeconds(5));
  private final Instant now = Instant.parse("2024-05-01T10:00:00Z");

  @Test
  void theFirstChangeAndEveryCloseAreWrittenAtOnce() {
    assertEquals(now, throttle.writeAt(false, Optional.empty(), now));
    assertEquals(now, throttle.writeAt(true, Optional.of(now.minusMillis(10)), now));
  }

  @Test
  void otherChangesWaitForTheIntervalSinceTheLastWrite() {
    assertEquals(
        now.plusSeconds(3), throttle.writeAt(false, Optional.of(now.minusSeconds(2)), now));
    assertEquals(now, throttle.writeAt(false, Optional.of(now.minusSeconds(5)), now));
    assertEquals(now, throttle.writeAt(false, Optional.of(now.minusSeconds(60)), now));
  }

  @Test
  void aNegativeIntervalIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new StatusThrottle(Duration.ofSeconds(-1)));
  }
}
