package io.vpcflow.digesterd.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.apitesting.InMemoryDigestStore;
import io.vpcflow.digesterd.apitesting.InMemoryMarkerStore;
import io.vpcflow.digesterd.apitesting.Summaries;
import io.vpcflow.digesterd.marker.Marker;
import io.vpcflow.digesterd.marker.MarkerState;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.window.DigestWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bounded in-process queue: rejects when full, refreshes and abandons what waits. */
class LaunchPoolTest {
  private static final Duration STALE = Duration.ofMillis(400);

  private static DigestWindow window(int hour) {
    return DigestWindow.parse("2024-05-01T%02d:00:00Z".formatted(hour), "2024-05-01T%02d:00:00Z".formatted(hour + 1));
  }

  @Test
  void rejectsWhenFullKeepsWaitingMarkersFreshAndAbandonsWhatItCannotFinishOnClose() throws Exception {
    InMemoryMarkerStore markers = new InMemoryMarkerStore();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    DigestBuilder blocking =
        new DigestBuilder() {
          @Override
          public String runnerName() {
            return "FakeRunner";
          }

          @Override
          public DigestSummary build(DigestWindow window, String progressKey, RunnerListener runnerChosen) throws InterruptedException {
            started.countDown();
            release.await(30, TimeUnit.SECONDS);
            return Summaries.of(window, 0, 0);
          }
        };
    InMemoryDigestStore store = new InMemoryDigestStore();
    try (Launcher launcher = new Launcher(markers, store, store, blocking, STALE, "me", Clock.systemUTC())) {
      LaunchPool pool = new LaunchPool(launcher, 1, 1, Launcher.heartbeatInterval(STALE));
      DigestWindow first = window(1);
      DigestWindow second = window(2);
      for (DigestWindow w : new DigestWindow[] {first, second}) {
        markers.create(w.digestId(), Marker.queued(w, "me", Instant.now()));
      }
      pool.submit(first);
      assertTrue(started.await(10, TimeUnit.SECONDS));
      pool.submit(second);
      assertEquals(1, pool.waiting());
      LaunchRejectedException full = assertThrows(LaunchRejectedException.class, () -> pool.submit(window(3)));
      assertTrue(full.getMessage().contains("queue is full"), full.getMessage());

      Thread.sleep(STALE.toMillis() * 2);
      assertTrue(markers.get(second.digestId()).activeAt(Instant.now(), STALE), "a waiting marker is kept fresh");
      assertTrue(markers.get(first.digestId()).activeAt(Instant.now(), STALE), "a running marker is kept fresh");

      pool.close(Duration.ofMillis(100));
      assertEquals(MarkerState.FAILED, markers.get(second.digestId()).state());
      assertTrue(markers.get(second.digestId()).reason().contains("before this digest started"));
      assertEquals(MarkerState.FAILED, markers.get(first.digestId()).state());
      assertTrue(markers.get(first.digestId()).reason().contains("while building"));
      LaunchRejectedException closed = assertThrows(LaunchRejectedException.class, () -> pool.submit(window(4)));
      assertTrue(closed.getMessage().contains("shutting down"), closed.getMessage());
    } finally {
      release.countDown();
    }
  }
}
