package io.vpcflow.digesterd.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.apitesting.InMemoryDigestStore;
import io.vpcflow.digesterd.apitesting.InMemoryMarkerStore;
import io.vpcflow.digesterd.apitesting.Summaries;
import io.vpcflow.digesterd.marker.Marker;
import io.vpcflow.digesterd.marker.MarkerState;
import io.vpcflow.digesterd.marker.Progress;
import io.vpcflow.digesterd.pipeline.RunProgress;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.testing.Eventually;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The launcher's marker protocol, on in-memory markers and stores and a fake builder. */
class LauncherTest {
  private static final DigestWindow WINDOW =
      DigestWindow.parse("2024-05-01T00:00:00Z", "2024-05-01T01:00:00Z");
  private static final UUID ID = WINDOW.digestId();
  private static final Duration STALE = Duration.ofMillis(400);

  private final InMemoryMarkerStore markers = new InMemoryMarkerStore();
  private final InMemoryDigestStore served = new InMemoryDigestStore();
  private final InMemoryDigestStore output = new InMemoryDigestStore();
  private final AtomicInteger builds = new AtomicInteger();
  private Launcher launcher;

  /** What the fake builder does before it writes a digest to the pipeline output. */
  interface Work {
    void run(String progressKey) throws Exception;
  }

  private DigestBuilder.RunnerListener chosen;

  private Launcher launcher(Work work) {
    launcher =
        new Launcher(
            markers,
            served,
            output,
            new DigestBuilder() {
              @Override
              public String runnerName() {
                return "FakeRunner";
              }

              @Override
              public DigestSummary build(
                  DigestWindow window, String progressKey, RunnerListener runnerChosen)
                  throws Exception {
                builds.incrementAndGet();
                chosen = runnerChosen;
                work.run(progressKey);
                byte[] gzip = Gzip.gzip("line\n");
                DigestSummary summary = Summaries.of(window, 1, gzip.length);
                output.put(window.digestId(), gzip, summary);
                return summary;
              }
            },
            STALE,
            "me",
            Clock.systemUTC());
    return launcher;
  }

  @AfterEach
  void close() {
    launcher.close();
  }

  @Test
  void buildsAWindowNeverMarkedAndRecordsDoneAfterPublishingToTheServedStore() {
    launcher(key -> {}).run(WINDOW);
    Marker done = markers.get(ID);
    assertEquals(MarkerState.DONE, done.state());
    assertEquals("me", done.owner());
    assertEquals(new Progress(3, 3, 300, 300), done.progress());
    assertTrue(served.exists(ID), "published to the served store");
    assertEquals(1, builds.get());
  }

  @Test
  void theRunnerChosenByTheBuilderAndItsReasonAreInTheMarkerWhileRunningAndWhenDone() {
    Marker[] whileRunning = new Marker[1];
    launcher(
            key -> {
              chosen.chosen(
                  "FlinkRunner",
                  "listed input 9 bytes >= DIGEST_FLINK_THRESHOLD_BYTES 5: Flink at h:1");
              whileRunning[0] = markers.get(ID);
            })
        .run(WINDOW);
    assertEquals(MarkerState.RUNNING, whileRunning[0].state());
    assertEquals("FlinkRunner", whileRunning[0].runner());
    assertEquals(
        "listed input 9 bytes >= DIGEST_FLINK_THRESHOLD_BYTES 5: Flink at h:1",
        whileRunning[0].runnerReason());
    Marker done = markers.get(ID);
    assertEquals(MarkerState.DONE, done.state());
    assertEquals(
        "listed input 9 bytes >= DIGEST_FLINK_THRESHOLD_BYTES 5: Flink at h:1",
        done.runnerReason());
  }

  @Test
  void claimsAQueuedMarkerKeepingItsAttempt() throws IOException {
    markers.create(
        ID,
        Marker.queued(WINDOW, "api-node", Instant.now())
            .requeued(WINDOW, "api-node", Instant.now()));
    launcher(key -> {}).run(WINDOW);
    assertEquals(MarkerState.DONE, markers.get(ID).state());
    assertEquals(2, markers.get(ID).attempt());
  }

  @Test
  void skipsAWindowWhoseDigestExists() {
    served.put(ID, new byte[0], Summaries.of(WINDOW, 0, 0));
    launcher(key -> {}).run(WINDOW);
    assertEquals(0, builds.get());
    assertTrue(markers.read(ID).isEmpty());
  }

  @Test
  void skipsAFreshRunOfAnotherWorkerAndTakesItOverOnceStale() throws Exception {
    markers.create(
        ID, Marker.queued(WINDOW, "other", Instant.now()).running("other", "R", Instant.now()));
    launcher(key -> {}).run(WINDOW);
    assertEquals(0, builds.get());
    assertEquals("other", markers.get(ID).owner());

    Thread.sleep(STALE.toMillis() + 50);
    launcher.run(WINDOW);
    assertEquals(1, builds.get());
    assertEquals(MarkerState.DONE, markers.get(ID).state());
    assertEquals("me", markers.get(ID).owner());
    assertEquals(2, markers.get(ID).attempt());
  }

  @Test
  void skipsAFailedDigestThatWasNotRequestedAgain() throws IOException {
    markers.create(ID, Marker.queued(WINDOW, "other", Instant.now()).failed("boom", Instant.now()));
    launcher(key -> {}).run(WINDOW);
    assertEquals(0, builds.get());
    assertEquals(MarkerState.FAILED, markers.get(ID).state());
  }

  @Test
  void recordsAFailureWithTheMessagesOfItsCauses() {
    launcher(
            key -> {
              throw new IOException(
                  "listing failed",
                  new IllegalStateException("NoSuchBucket: the bucket does not exist"));
            })
        .run(WINDOW);
    Marker failed = markers.get(ID);
    assertEquals(MarkerState.FAILED, failed.state());
    assertEquals("listing failed <- NoSuchBucket: the bucket does not exist", failed.reason());
    assertFalse(served.exists(ID));
  }

  @Test
  void writesLiveProgressIntoTheMarkerWhileBuilding() {
    long[] seen = {0};
    launcher(
            key -> {
              RunProgress.register(key, 7, 700);
              try {
                Eventually.until(
                    () -> markers.get(ID).progress().objectsTotal() == 7,
                    Duration.ofSeconds(10),
                    "the marker shows the 7 objects registered");
                seen[0] = markers.get(ID).progress().bytesTotal();
              } finally {
                RunProgress.unregister(key);
              }
            })
        .run(WINDOW);
    assertEquals(700, seen[0]);
    assertEquals(MarkerState.DONE, markers.get(ID).state());
  }

  @Test
  void keepsAQueuedMarkerFreshAndAbandonsItWithAReason() throws IOException {
    Instant old = Instant.now().minus(Duration.ofHours(1));
    markers.create(ID, Marker.queued(WINDOW, "api-node", old));
    Launcher l = launcher(key -> {});
    l.keepQueued(WINDOW);
    assertTrue(markers.get(ID).activeAt(Instant.now(), STALE), "refreshed");
    l.abandon(WINDOW, "the server stopped");
    assertEquals(MarkerState.FAILED, markers.get(ID).state());
    assertEquals("the server stopped", markers.get(ID).reason());
  }

  @Test
  void aBuildAbandonedWhileRunningIsNeverPublished() throws Exception {
    CountDownLatch building = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Launcher launcher =
        launcher(
            key -> {
              building.countDown();
              finish.await(10, TimeUnit.SECONDS);
            });
    Thread run = new Thread(() -> launcher.run(WINDOW));
    run.start();
    assertTrue(building.await(10, TimeUnit.SECONDS));
    launcher.abandon(WINDOW, "the server stopped while building this digest; request it again");
    assertEquals(MarkerState.FAILED, markers.get(ID).state());

    finish.countDown();
    run.join(10_000);
    assertFalse(served.exists(ID), "published after it was marked failed");
    assertEquals(MarkerState.FAILED, markers.get(ID).state());
    assertTrue(markers.get(ID).reason().contains("while building"), markers.get(ID).reason());
  }

  @Test
  void neverAbandonsARunOfAnotherWorker() throws IOException {
    markers.create(
        ID, Marker.queued(WINDOW, "other", Instant.now()).running("other", "R", Instant.now()));
    launcher(key -> {}).abandon(WINDOW, "the server stopped");
    assertEquals(MarkerState.RUNNING, markers.get(ID).state());
  }
}
