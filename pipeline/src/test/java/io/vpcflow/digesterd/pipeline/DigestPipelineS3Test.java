package io.vpcflow.digesterd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.layout.ObjectPlan;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.sample.SampleFlowLogs;
import io.vpcflow.digesterd.sample.SampleSpec;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.HandFixture;
import io.vpcflow.digesterd.testing.OracleDigest;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole pipeline against a real S3 server (s3proxy) on loopback, spoken to over HTTP with
 * SigV4: listing, reading and the atomic digest write all go over the wire.
 */
class DigestPipelineS3Test {
  private static EmbeddedS3Server server;
  private static S3Client client;

  @BeforeAll
  static void startServer() throws Exception {
    server = EmbeddedS3Server.inMemory();
    client = S3Fixture.client(server);
    S3Fixture.createBuckets(client, "hand-logs", "sample-logs", "digests");
  }

  @AfterAll
  static void stopServer() throws Exception {
    client.close();
    server.close();
  }

  @Test
  void digestsTheHandFixtureFromS3() throws Exception {
    HandFixture.write(new S3ObjectSink(client, "hand-logs", ""));
    DigestOptions options = S3Fixture.options(server);
    options.setFlowLogsBucket("hand-logs");
    options.setStorageBucket("s3://digests/hand/");
    options.setStart(HandFixture.START);
    options.setStop(HandFixture.STOP);

    DigestSummary summary = DigestPipeline.run(options);

    byte[] digest = S3Fixture.get(client, "digests", "hand/" + HandFixture.DIGEST_ID + ".log.gz");
    assertEquals(HandFixture.EXPECTED_DIGEST, Gzip.gunzip(digest));
    assertEquals("s3://digests/hand/" + HandFixture.DIGEST_ID + ".log.gz", summary.digest());
    assertEquals(4, summary.objects().read());
    assertEquals(6, summary.records().digested());
    assertEquals("DirectRunner", summary.runner());
  }

  @Test
  void aRunWithAProgressLocationReportsThroughProgressFilesAndRemovesThem() throws Exception {
    HandFixture.write(new S3ObjectSink(client, "hand-logs", ""));
    DigestOptions options = S3Fixture.options(server);
    options.setFlowLogsBucket("hand-logs");
    options.setStorageBucket("s3://digests/remote/");
    options.setStart(HandFixture.START);
    options.setStop(HandFixture.STOP);
    options.setProgressKey("remote-progress-test");
    options.setProgressLocation("s3://digests/remote/run-1.progress/");
    ObjectPlan plan = DigestPipeline.plan(options);
    RunProgress progress =
        RunProgress.register("remote-progress-test", plan.objects().size(), plan.totalBytes());
    try {
      DigestPipeline.run(options, plan);
    } finally {
      RunProgress.unregister("remote-progress-test");
    }

    assertEquals(5, progress.objectsDone());
    assertEquals(plan.totalBytes(), progress.bytesDone());
    assertEquals(
        List.of(),
        client.listObjectsV2(b -> b.bucket("digests").prefix("remote/run-1.progress/")).contents());
    byte[] digest = S3Fixture.get(client, "digests", "remote/" + HandFixture.DIGEST_ID + ".log.gz");
    assertEquals(HandFixture.EXPECTED_DIGEST, Gzip.gunzip(digest));
  }

  @Test
  void matchesAnIndependentAggregationOfGeneratedLogsInAllLayouts() throws Exception {
    Instant from = Instant.parse("2024-03-01T22:00:00Z");
    OracleDigest oracle =
        new OracleDigest(
            Instant.parse("2024-03-01T23:17:00Z").getEpochSecond(),
            Instant.parse("2024-03-02T01:43:00Z").getEpochSecond());
    S3ObjectSink upload = new S3ObjectSink(client, "sample-logs", "tenant-a/");
    for (boolean hourly : List.of(false, true)) {
      SampleSpec spec =
          new SampleSpec(
              from,
              Duration.ofHours(5),
              Duration.ofMinutes(5),
              hourly ? List.of("333333333333") : List.of("111111111111", "222222222222"),
              List.of("us-east-1", "ap-southeast-2"),
              150,
              300,
              hourly ? List.of(KeyLayout.PLAIN) : List.of(KeyLayout.PLAIN, KeyLayout.HIVE),
              hourly,
              7);
      SampleFlowLogs.generate(
          spec,
          (key, bytes) -> {
            oracle.add(Gzip.gunzip(bytes));
            upload.put(key, bytes);
          });
    }

    DigestOptions options = S3Fixture.options(server);
    options.setFlowLogsBucket("s3://sample-logs/tenant-a");
    options.setStorageBucket("digests");
    options.setStart("2024-03-01T23:17:30Z");
    options.setStop("2024-03-02T01:43:00+00:00");

    DigestSummary summary = DigestPipeline.run(options);

    String id = DigestWindow.parse(options.getStart(), options.getStop()).digestId().toString();
    String digest = Gzip.gunzip(S3Fixture.get(client, "digests", id + ".log.gz"));
    assertTrue(oracle.keys() > 1000, "the generated window has many keys: " + oracle.keys());
    assertEquals(oracle.text(), digest);
    assertEquals(oracle.keys(), summary.keys());
    assertEquals(0, summary.records().malformed());
    assertTrue(summary.records().outsideWindow() > 0, "edge objects hold records of other windows");
  }
}
