package io.vpcflow.digesterd.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.apitesting.Summaries;
import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A failed attempt is recorded as the digest's summary in both built-in stores (S3 over the wire,
 * and a local directory) until a digest exists, and never hides a built digest.
 */
class FailureRecordTest {
  private static final DigestWindow WINDOW =
      DigestWindow.parse("2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z");
  private static final UUID ID = WINDOW.digestId();
  @TempDir Path temp;

  private static DigestSummary failure(String reason) {
    Instant t = Instant.parse("2024-01-02T00:00:00Z");
    return DigestSummary.failed(
        ID.toString(),
        WINDOW.start(),
        WINDOW.stop(),
        "DirectRunner",
        "why this runner",
        t,
        t.plusSeconds(3),
        reason);
  }

  private static void checkProtocol(DigestStore store, Runnable storeBuiltDigest) throws Exception {
    assertTrue(store.summary(ID).isEmpty());
    store.recordFailure(failure("first"));
    assertFalse(store.exists(ID), "a failure is not a digest");
    assertEquals("failed", store.summary(ID).orElseThrow().state());
    assertEquals("first", store.summary(ID).orElseThrow().reason());
    assertEquals(3000, store.summary(ID).orElseThrow().durationMillis());
    store.recordFailure(failure("second"));
    assertEquals(
        "second",
        store.summary(ID).orElseThrow().reason(),
        "a later failure replaces an earlier one");
    storeBuiltDigest.run();
    assertTrue(store.exists(ID));
    store.recordFailure(failure("late"));
    assertTrue(store.exists(ID), "a failure never hides a built digest");
    assertTrue(store.summary(ID).orElseThrow().succeeded());
  }

  @Test
  void s3Store() throws Exception {
    try (EmbeddedS3Server server = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(server)) {
      client.createBucket(b -> b.bucket("digests"));
      byte[] built =
          DigestSummaryJson.write(Summaries.of(WINDOW, 1, 20)).getBytes(StandardCharsets.UTF_8);
      checkProtocol(
          new S3DigestStore(client, StoreLocation.parse("s3://digests/p/")),
          () ->
              client.putObject(
                  b -> b.bucket("digests").key("p/" + ID + ".json"), RequestBody.fromBytes(built)));
    }
  }

  @Test
  void directoryStore() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("digests"));
    checkProtocol(
        new DirectoryDigestStore(StoreLocation.parse(dir.toUri().toString())),
        () -> {
          try {
            Files.writeString(
                dir.resolve(ID + ".json"), DigestSummaryJson.write(Summaries.of(WINDOW, 1, 20)));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }
}
