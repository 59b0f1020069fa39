package io.vpcflow.digesterd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.s3.MultipartPlan;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.sample.DirectorySink;
import io.vpcflow.digesterd.sample.SampleFlowLogs;
import io.vpcflow.digesterd.sample.SampleSpec;
import io.vpcflow.digesterd.testing.FaultProxy;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.OracleDigest;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Tiny fold budgets (many spills) and several merge ranges give the digest, byte for byte after
 * gunzip, of the default path and of an independent aggregation: on s3proxy, with the runs and
 * parts in the storage bucket and the digest joined by a multipart upload (server-side part copies
 * included), and on local files. No temporary object is left behind, done or failed.
 */
class SpillMergeTest {
  private static final String START = "2024-03-01T23:17:00Z";
  private static final String STOP = "2024-03-02T01:43:00Z";
  private static final String TEMP = SpillFiles.STORAGE_FOLDER;

  private static EmbeddedS3Server server;
  private static S3Client client;
  private static OracleDigest oracle;
  private static String digestId;

  @TempDir static Path localLogs;

  @BeforeAll
  static void generateLogs() throws Exception {
    server = EmbeddedS3Server.inMemory();
    client = S3Fixture.client(server);
    S3Fixture.createBuckets(client, "spill-logs", "digests");
    oracle =
        new OracleDigest(
            Instant.parse(START).getEpochSecond(), Instant.parse(STOP).getEpochSecond());
    S3ObjectSink upload = new S3ObjectSink(client, "spill-logs", "");
    DirectorySink local = new DirectorySink(localLogs);
    SampleSpec spec =
        new SampleSpec(
            Instant.parse("2024-03-01T23:00:00Z"),
            Duration.ofHours(3),
            Duration.ofMinutes(5),
            List.of("111111111111", "222222222222"),
            List.of("us-east-1"),
            1500,
            40_000,
            List.of(KeyLayout.PLAIN, KeyLayout.HIVE),
            false,
            17);
    SampleFlowLogs.generate(
        spec,
        (key, bytes) -> {
          oracle.add(Gzip.gunzip(bytes));
          upload.put(key, bytes);
          local.put(key, bytes);
        });
    digestId = DigestWindow.parse(START, STOP).digestId().toString();
  }

  @AfterAll
  static void stopServer() throws Exception {
    client.close();
    server.close();
  }

  private static DigestOptions s3Options(String storage) {
    DigestOptions options = S3Fixture.options(server);
    options.setFlowLogsBucket("spill-logs");
    options.setStorageBucket(storage);
    options.setStart(START);
    options.setStop(STOP);
    return options;
  }

  private static List<String> keysUnder(String prefix) {
    return client.listObjectsV2(b -> b.bucket("digests").prefix(prefix)).contents().stream()
        .map(o -> o.key())
        .toList();
  }

  @Test
  void tinyBudgetsAndSeveralRangesOnS3GiveTheDefaultDigest() throws Exception {
    DigestSummary standard = DigestPipeline.run(s3Options("s3://digests/standard/"));
    String expected =
        Gzip.gunzip(S3Fixture.get(client, "digests", "standard/" + digestId + ".log.gz"));
    assertTrue(oracle.keys() > 20_000, "a window of many keys: " + oracle.keys());
    assertEquals(oracle.text(), expected);
    assertEquals(0, standard.merge().spilledRuns(), "the default budget holds this window");

    DigestOptions options = s3Options("s3://digests/tiny/");
    options.setFoldMemoryMb(1);
    options.setMergeRanges(6);
    options.setShards(3);
    options.setSpillLocation("s3://digests/tiny/" + TEMP);
    DigestSummary summary = DigestPipeline.run(options);

    assertEquals(
        expected, Gzip.gunzip(S3Fixture.get(client, "digests", "tiny/" + digestId + ".log.gz")));
    assertTrue(summary.merge().spilledRuns() >= 3, "spills: " + summary.merge());
    assertEquals(summary.merge().spilledRuns() + 3, summary.merge().runs());
    assertEquals(6, summary.merge().ranges());
    assertTrue(summary.merge().runBytes() > 0);
    assertEquals(standard.keys(), summary.keys());
    assertEquals(standard.records(), summary.records());
    assertEquals(List.of(), keysUnder("tiny/" + TEMP), "no temporary object is left");
  }

  @Test
  void partsOverFiveMebibytesAreCopiedByTheS3ServerIntoTheDigest() throws Exception {
    client.createBucket(b -> b.bucket("big-logs"));
    String start = "2024-03-05T00:00:00Z";
    String stop = "2024-03-05T01:00:00Z";
    OracleDigest big =
        new OracleDigest(
            Instant.parse(start).getEpochSecond(), Instant.parse(stop).getEpochSecond());
    S3ObjectSink upload = new S3ObjectSink(client, "big-logs", "");
    SampleFlowLogs.generate(
        new SampleSpec(
            Instant.parse(start),
            Duration.ofHours(1),
            Duration.ofMinutes(5),
            List.of("333333333333"),
            List.of("eu-west-1"),
            40_000,
            3_000_000,
            List.of(KeyLayout.PLAIN),
            false,
            23),
        (key, bytes) -> {
          big.add(Gzip.gunzip(bytes));
          upload.put(key, bytes);
        });
    AtomicInteger partCopies = new AtomicInteger();
    try (FaultProxy proxy = FaultProxy.start(URI.create(server.endpoint().toString()))) {
      proxy.onRequest(
          head -> {
            String lower = head.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("put ")
                && lower.contains("uploadid=")
                && lower.contains("\nx-amz-copy-source:")) {
              partCopies.incrementAndGet();
            }
          });
      DigestOptions options = s3Options("s3://digests/copied/");
      options.setFlowLogsBucket("big-logs");
      options.setStart(start);
      options.setStop(stop);
      options.setEndpoint(proxy.endpoint());
      options.setMergeRanges(2);
      options.setSpillLocation("s3://digests/copied/" + TEMP);
      DigestSummary summary = DigestPipeline.run(options);

      String id = DigestWindow.parse(start, stop).digestId().toString();
      assertEquals(
          big.text(), Gzip.gunzip(S3Fixture.get(client, "digests", "copied/" + id + ".log.gz")));
      assertTrue(
          summary.digestBytes() > 2 * MultipartPlan.MIN_PART_BYTES,
          "digest of " + summary.digestBytes() + " bytes");
      assertTrue(partCopies.get() >= 1, "parts copied by the server: " + partCopies.get());
      assertEquals(List.of(), keysUnder("copied/" + TEMP));
    }
  }

  @Test
  void tinyBudgetsOnLocalFilesGiveTheSameDigestAndLeaveNoTemporaryFile(
      @TempDir Path storage, @TempDir Path temp) throws Exception {
    DigestOptions options = S3Fixture.options(server);
    options.setFlowLogsBucket(localLogs.toUri().toString());
    options.setStorageBucket(storage.toUri().toString());
    options.setSpillLocation(temp.toUri().toString());
    options.setStart(START);
    options.setStop(STOP);
    options.setFoldMemoryMb(1);
    options.setMergeRanges(4);
    DigestSummary summary = DigestPipeline.run(options);

    assertEquals(
        oracle.text(), Gzip.gunzip(Files.readAllBytes(storage.resolve(digestId + ".log.gz"))));
    assertTrue(summary.merge().spilledRuns() >= 2, "spills: " + summary.merge());
    assertEquals(4, summary.merge().ranges());
    try (Stream<Path> left = Files.list(temp)) {
      assertEquals(List.of(), left.toList());
    }
  }

  @Test
  void aSpillLocationThatCannotBeWrittenFailsTheRunNamingWhatToChange(
      @TempDir Path storage, @TempDir Path dir) throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("a-file"), "x");
    DigestOptions options = S3Fixture.options(server);
    options.setFlowLogsBucket(localLogs.toUri().toString());
    options.setStorageBucket(storage.toUri().toString());
    options.setSpillLocation(notADirectory.toUri().toString());
    options.setStart(START);
    options.setStop(STOP);
    Exception e = assertThrows(Exception.class, () -> DigestPipeline.run(options));
    StringBuilder messages = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    assertTrue(
        messages.toString().contains("cannot write a sorted run under " + notADirectory),
        messages.toString());
    assertTrue(messages.toString().contains("DIGEST_SPILL_LOCATION"), messages.toString());
    try (Stream<Path> stored = Files.list(storage)) {
      assertEquals(List.of(), stored.toList(), "no digest, no summary");
    }
  }

  @Test
  void aFailedRunLeavesNoTemporaryObject() throws Exception {
    client.putObject(
        b ->
            b.bucket("spill-logs")
                .key(
                    "AWSLogs/111111111111/vpcflowlogs/us-east-1/2024/03/02/"
                        + "111111111111_vpcflowlogs_us-east-1_fl-0123456789abcdef0_20240302T0000Z_broken.log.gz"),
        software.amazon.awssdk.core.sync.RequestBody.fromString("not gzip at all"));
    try {
      DigestOptions options = s3Options("s3://digests/failed/");
      options.setOnCorruptObject(CorruptObjectPolicy.FAIL);
      options.setFoldMemoryMb(1);
      options.setShards(2);
      options.setSpillLocation("s3://digests/failed/" + TEMP);
      assertThrows(RuntimeException.class, () -> DigestPipeline.run(options));
      assertEquals(List.of(), keysUnder("failed/"), "no digest, no summary, no temporary object");
    } finally {
      client.deleteObject(
          b ->
              b.bucket("spill-logs")
                  .key(
                      "AWSLogs/111111111111/vpcflowlogs/us-east-1/2024/03/02/"
                          + "111111111111_vpcflowlogs_us-east-1_fl-0123456789abcdef0_20240302T0000Z_broken.log.gz"));
    }
  }
}
