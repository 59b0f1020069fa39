package io.vpcflow.digesterd.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.apitesting.InMemoryDigestStore;
import io.vpcflow.digesterd.apitesting.InMemoryMarkerStore;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.apitesting.Summaries;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.marker.Marker;
import io.vpcflow.digesterd.marker.MarkerState;
import io.vpcflow.digesterd.marker.S3MarkerStore;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.store.S3DigestStore;
import io.vpcflow.digesterd.testing.Eventually;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.testing.SlowReads;
import io.vpcflow.digesterd.testing.SlowRunFixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The bounded in-process queue: rejects when full, refreshes and abandons what waits, and on close
 * cancels the pipelines still running after the grace.
 */
class LaunchPoolTest {
  private static final Duration STALE = Duration.ofMillis(400);

  private static DigestWindow window(int hour) {
    return DigestWindow.parse(
        "2024-05-01T%02d:00:00Z".formatted(hour), "2024-05-01T%02d:00:00Z".formatted(hour + 1));
  }

  @Test
  void rejectsWhenFullKeepsWaitingMarkersFreshAndAbandonsWhatItCannotFinishOnClose()
      throws Exception {
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
          public DigestSummary build(
              DigestWindow window, String progressKey, RunnerListener runnerChosen)
              throws InterruptedException {
            started.countDown();
            release.await(30, TimeUnit.SECONDS);
            return Summaries.of(window, 0, 0);
          }
        };
    InMemoryDigestStore store = new InMemoryDigestStore();
    try (Launcher launcher =
        new Launcher(markers, store, store, blocking, STALE, "me", Clock.systemUTC())) {
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
      LaunchRejectedException full =
          assertThrows(LaunchRejectedException.class, () -> pool.submit(window(3)));
      assertTrue(full.getMessage().contains("queue is full"), full.getMessage());

      Thread.sleep(STALE.toMillis() * 2);
      assertTrue(
          markers.get(second.digestId()).activeAt(Instant.now(), STALE),
          "a waiting marker is kept fresh");
      assertTrue(
          markers.get(first.digestId()).activeAt(Instant.now(), STALE),
          "a running marker is kept fresh");

      pool.close(Duration.ofMillis(100));
      assertEquals(MarkerState.FAILED, markers.get(second.digestId()).state());
      assertTrue(markers.get(second.digestId()).reason().contains("before this digest started"));
      assertEquals(MarkerState.FAILED, markers.get(first.digestId()).state());
      assertTrue(markers.get(first.digestId()).reason().contains("while building"));
      LaunchRejectedException closed =
          assertThrows(LaunchRejectedException.class, () -> pool.submit(window(4)));
      assertTrue(closed.getMessage().contains("shutting down"), closed.getMessage());
    } finally {
      release.countDown();
    }
  }

  @Test
  void closingCancelsAPipelineStillRunningAfterTheGraceAndItsDigestNeverAppears() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    try (EmbeddedS3Server s3 =
            EmbeddedS3Server.inMemory(SlowReads.of(Duration.ofMillis(400), reads));
        S3Client client = S3Fixture.client(s3)) {
      S3Fixture.createBuckets(client, "slow-logs", ServerEnv.DIGESTS, ServerEnv.PROGRESS);
      SlowRunFixture.write(new S3ObjectSink(client, "slow-logs", ""));
      ServiceConfig config =
          ServiceConfig.forServer(
              ServerEnv.of(s3, "slow-logs", Map.of("VPC_MAX_CONCURRENT_PREFETCH", "2")));
      S3DigestStore store = new S3DigestStore(client, config.storage().orElseThrow());
      S3MarkerStore markers = new S3MarkerStore(client, config.server().progress().orElseThrow());
      DigestWindow window = DigestWindow.parse(SlowRunFixture.START, SlowRunFixture.STOP);
      PipelineDigestBuilder pipeline = new PipelineDigestBuilder(config, List.of());
      try (Launcher launcher =
          new Launcher(
              markers,
              store,
              store,
              pipeline,
              config.server().progressTimeout(),
              "me",
              Clock.systemUTC())) {
        LaunchPool pool = new LaunchPool(launcher, 1, 1, Duration.ofSeconds(1));
        pool.submit(window);
        Eventually.until(() -> reads.get() >= 2, Duration.ofSeconds(60), "the pipeline reads");

        long closing = System.nanoTime();
        pool.close(Duration.ofMillis(100));
        Duration closed = Duration.ofNanos(System.nanoTime() - closing);
        assertTrue(
            closed.compareTo(LaunchPool.CANCEL_WAIT) < 0,
            "the cancelled build ended within the cancel wait: " + closed);
        Marker marker = markers.read(window.digestId()).orElseThrow().marker();
        assertEquals(MarkerState.FAILED, marker.state());
        assertTrue(marker.reason().contains("while building"), marker.reason());
        int readsAtClose = reads.get();

        Thread.sleep(Duration.ofMillis(400).multipliedBy(12).toMillis());
        assertTrue(
            reads.get() <= readsAtClose + 2,
            "reads went on after the cancel: " + readsAtClose + " -> " + reads.get());
        List<String> stored =
            client.listObjectsV2(b -> b.bucket(ServerEnv.DIGESTS)).contents().stream()
                .map(o -> o.key())
                .toList();
        assertTrue(
            stored.stream().noneMatch(k -> k.endsWith(".log.gz")),
            "no digest object appears: " + stored);
        assertFalse(store.exists(window.digestId()), "no summary says done: " + stored);
        assertEquals(
            "failed", store.summary(window.digestId()).map(s -> s.state()).orElse("failed"));
        assertEquals(
            MarkerState.FAILED, markers.read(window.digestId()).orElseThrow().marker().state());
        Eventually.until(
            () -> !Eventually.directRunnerThreadsAlive(),
            Duration.ofSeconds(10),
            "the pipeline's threads end");
      }
    }
  }
}
