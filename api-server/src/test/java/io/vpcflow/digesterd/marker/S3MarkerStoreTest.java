package io.vpcflow.digesterd.marker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Compare-and-set markers against a real S3 server (s3proxy honours If-None-Match and If-Match).
 */
class S3MarkerStoreTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

  private static EmbeddedS3Server s3;
  private static S3Client client;
  private static S3MarkerStore store;

  @BeforeAll
  static void start() throws Exception {
    s3 = EmbeddedS3Server.inMemory();
    client = S3Fixture.client(s3);
    client.createBucket(b -> b.bucket("progress"));
    store = new S3MarkerStore(client, StoreLocation.parse("s3://progress/markers"));
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    s3.close();
  }

  private static DigestWindow window(int hour) {
    return DigestWindow.parse(
        "2024-05-01T%02d:00:00Z".formatted(hour), "2024-05-01T%02d:00:00Z".formatted(hour + 1));
  }

  @Test
  void createsOnceReadsBackAndReplacesOnlyTheVersionItRead() throws IOException {
    DigestWindow window = window(1);
    UUID id = window.digestId();
    Marker queued = Marker.queued(window, "node-a", NOW);

    String v1 = store.create(id, queued).orElseThrow();
    assertEquals(Optional.empty(), store.create(id, Marker.queued(window, "node-b", NOW)));
    StoredMarker read = store.read(id).orElseThrow();
    assertEquals(queued, read.marker());
    assertEquals(v1, read.version());
    assertEquals("markers/" + id + "_in_progress", store.key(id));

    Marker running = queued.running("node-a", "DirectRunner", NOW.plusSeconds(1));
    String v2 = store.replace(id, running, v1).orElseThrow();
    assertNotEquals(v1, v2);
    assertEquals(Optional.empty(), store.replace(id, running.failed("late", NOW), v1));
    assertEquals(running, store.read(id).orElseThrow().marker());
  }

  @Test
  void ofSixteenConcurrentCreatesExactlyOneWins() throws Exception {
    DigestWindow window = window(2);
    ExecutorService threads = Executors.newFixedThreadPool(16);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Optional<String>>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        String owner = "node-" + i;
        results.add(
            threads.submit(
                () -> {
                  go.await();
                  return store.create(window.digestId(), Marker.queued(window, owner, NOW));
                }));
      }
      go.countDown();
      int winners = 0;
      for (Future<Optional<String>> result : results) {
        winners += result.get().isPresent() ? 1 : 0;
      }
      assertEquals(1, winners);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void replacingADeletedMarkerLosesAndAMissingBucketIsAnError() throws IOException {
    DigestWindow window = window(3);
    UUID id = window.digestId();
    String version = store.create(id, Marker.queued(window, "node-a", NOW)).orElseThrow();
    client.deleteObject(b -> b.bucket("progress").key(store.key(id)));
    assertEquals(
        Optional.empty(), store.replace(id, Marker.queued(window, "node-a", NOW), version));

    S3MarkerStore nowhere = new S3MarkerStore(client, StoreLocation.parse("no-such-bucket"));
    assertThrows(IOException.class, () -> nowhere.create(id, Marker.queued(window, "node-a", NOW)));
    assertThrows(IOException.class, () -> nowhere.read(id));
  }

  @Test
  void readsUpstreamsBareTimeMarkerAsRunningSinceThatTime() throws IOException {
    UUID id = window(4).digestId();
    client.putObject(
        b -> b.bucket("progress").key(store.key(id)),
        RequestBody.fromString("2024-05-01T11:00:00.123456789Z"));
    Marker legacy = store.read(id).orElseThrow().marker();
    assertEquals(MarkerState.RUNNING, legacy.state());
    assertEquals(Instant.parse("2024-05-01T11:00:00.123456789Z"), legacy.updatedAt());
    assertFalse(legacy.activeAt(NOW, Duration.ofMinutes(30)));
  }
}
