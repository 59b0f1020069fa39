package io.vpcflow.digesterd.marker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.marker.MarkerRules.Status;
import io.vpcflow.digesterd.window.DigestWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every marker a digest not stored can have, and what a request and a worker's claim do to it. */
class MarkerRulesTest {
  private static final DigestWindow WINDOW =
      DigestWindow.parse("2024-05-01T00:00:00Z", "2024-05-01T01:00:00Z");
  private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private static final Instant LATER = T0.plus(Duration.ofMinutes(5));
  private static final Instant STALE = T0.plus(Duration.ofMinutes(11));
  private static final MarkerRules RULES = new MarkerRules(TIMEOUT);

  private static final Marker QUEUED = Marker.queued(WINDOW, "api-1", T0);
  private static final Marker RUNNING = QUEUED.running("worker-1", "DirectRunner", T0);
  private static final Marker FAILED = RUNNING.failed("boom", T0);
  private static final Marker DONE = RUNNING.done(Progress.NONE, "DirectRunner", T0);

  @Test
  void statusOfEachMarker() {
    assertEquals(Status.QUEUED, RULES.status(QUEUED, LATER));
    assertEquals(Status.RUNNING, RULES.status(RUNNING, LATER));
    assertEquals(Status.STALE, RULES.status(QUEUED, STALE));
    assertEquals(Status.STALE, RULES.status(RUNNING, STALE));
    assertEquals(Status.FAILED, RULES.status(FAILED, STALE));
    assertEquals(Status.DONE_WITHOUT_DIGEST, RULES.status(DONE, LATER));
  }

  @Test
  void aRequestQueuesUnlessInProgress() {
    Marker first = RULES.request(Optional.empty(), WINDOW, "api-2", LATER).orElseThrow();
    assertEquals(MarkerState.QUEUED, first.state());
    assertEquals(1, first.attempt());

    assertEquals(Optional.empty(), RULES.request(Optional.of(QUEUED), WINDOW, "api-2", LATER));
    assertEquals(Optional.empty(), RULES.request(Optional.of(RUNNING), WINDOW, "api-2", LATER));

    for (Marker over : new Marker[] {FAILED, DONE}) {
      assertRequeued(RULES.request(Optional.of(over), WINDOW, "api-2", LATER), MarkerState.QUEUED);
    }
    assertRequeued(RULES.request(Optional.of(QUEUED), WINDOW, "api-2", STALE), MarkerState.QUEUED);
    assertRequeued(RULES.request(Optional.of(RUNNING), WINDOW, "api-2", STALE), MarkerState.QUEUED);
  }

  @Test
  void aClaimRunsQueuedTakesOverStaleAndLeavesLiveOrFailedAlone() {
    Marker fresh =
        RULES.claim(Optional.empty(), WINDOW, "worker-2", "FlinkRunner", LATER).orElseThrow();
    assertEquals(MarkerState.RUNNING, fresh.state());
    assertEquals("worker-2", fresh.owner());

    Marker queued =
        RULES.claim(Optional.of(QUEUED), WINDOW, "worker-2", "FlinkRunner", LATER).orElseThrow();
    assertEquals(MarkerState.RUNNING, queued.state());
    assertEquals(QUEUED.attempt(), queued.attempt(), "a queued attempt is run, not counted again");
    Marker staleQueued =
        RULES.claim(Optional.of(QUEUED), WINDOW, "worker-2", "FlinkRunner", STALE).orElseThrow();
    assertEquals(QUEUED.attempt(), staleQueued.attempt());

    assertEquals(
        Optional.empty(),
        RULES.claim(Optional.of(RUNNING), WINDOW, "worker-2", "FlinkRunner", LATER));
    assertEquals(
        Optional.empty(),
        RULES.claim(Optional.of(FAILED), WINDOW, "worker-2", "FlinkRunner", STALE));
    assertRequeued(
        RULES.claim(Optional.of(RUNNING), WINDOW, "worker-2", "FlinkRunner", STALE),
        MarkerState.RUNNING);
    assertRequeued(
        RULES.claim(Optional.of(DONE), WINDOW, "worker-2", "FlinkRunner", LATER),
        MarkerState.RUNNING);
  }

  /** A next attempt, owned by the caller, in {@code state}. */
  private static void assertRequeued(Optional<Marker> next, MarkerState state) {
    assertTrue(next.isPresent());
    assertEquals(state, next.get().state());
    assertEquals(RUNNING.attempt() + 1, next.get().attempt());
    assertTrue(next.get().owner().endsWith("-2"), next.get().owner());
  }
}
