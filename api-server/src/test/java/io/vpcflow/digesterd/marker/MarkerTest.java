package io.vpcflow.digesterd.marker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.window.DigestWindow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarkerTest {
  private static final DigestWindow WINDOW =
      DigestWindow.parse("2024-05-01T00:00:00Z", "2024-05-01T01:00:00Z");
  private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  @Test
  void aQueuedOrRunningMarkerIsActiveUntilItGoesUnupdatedForTheTimeout() {
    Marker queued = Marker.queued(WINDOW, "a", T0);
    assertTrue(queued.activeAt(T0.plus(TIMEOUT).minusMillis(1), TIMEOUT));
    assertFalse(queued.activeAt(T0.plus(TIMEOUT), TIMEOUT));
    Marker running = queued.running("b", "DirectRunner", T0.plus(TIMEOUT));
    assertTrue(running.activeAt(T0.plus(TIMEOUT).plusSeconds(1), TIMEOUT));
    Marker later =
        running.withProgress(new Progress(1, 2, 10, 20), T0.plus(TIMEOUT.multipliedBy(2)));
    assertTrue(later.activeAt(T0.plus(TIMEOUT.multipliedBy(2)).plusSeconds(1), TIMEOUT));
  }

  @Test
  void doneAndFailedAreNeverActive() {
    Marker running = Marker.queued(WINDOW, "a", T0).running("a", "DirectRunner", T0);
    for (Marker ended :
        new Marker[] {
          running.done(Progress.NONE, "DirectRunner", T0), running.failed("boom", T0)
        }) {
      assertFalse(ended.activeAt(T0, TIMEOUT));
    }
  }

  @Test
  void aRetryIsTheNextAttemptQueuedAfresh() {
    Marker failed =
        Marker.queued(WINDOW, "a", T0).running("a", "DirectRunner", T0).failed("boom", T0);
    Marker retry = failed.requeued(WINDOW, "b", T0.plusSeconds(5));
    assertEquals(MarkerState.QUEUED, retry.state());
    assertEquals(2, retry.attempt());
    assertEquals("b", retry.owner());
    assertNull(retry.reason());
    assertNull(retry.startedAt());
    assertEquals(Progress.NONE, retry.progress());
  }
}
