package io.vpcflow.digesterd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.SkippedObject;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.sample.SampleSpec;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.MixedFormats;
import io.vpcflow.digesterd.testing.OracleDigest;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Windows of flow logs delivered partly as Parquet, on s3proxy: the digest of a mixed window in
 * plain, Hive and hourly layouts is byte-identical to the digest of the same records all in text;
 * Parquet objects that are not readable Parquet are skipped with their reason, or fail the run
 * under the fail policy.
 */
class ParquetPipelineS3Test {
  private static final String BAD_DAY = "AWSLogs/123456789012/vpcflowlogs/us-east-1/2024/06/01/";
  private static final String BAD_WINDOW_START = "2024-06-01T00:00:00Z";
  private static final String BAD_WINDOW_STOP = "2024-06-01T01:00:00Z";

  private static EmbeddedS3Server server;
  private static S3Client client;

  @BeforeAll
  static void startServer() throws Exception {
    server = EmbeddedS3Server.inMemory();
    client = S3Fixture.client(server);
    S3Fixture.createBuckets(client, "text-logs", "mixed-logs", "bad-logs", "digests");
  }

  @AfterAll
  static void stopServer() throws Exception {
    client.close();
    server.close();
  }

  @Test
  void aMixedWindowDigestsAsTheSameRecordsAllInText() throws Exception {
    Instant from = Instant.parse("2024-03-01T22:00:00Z");
    DigestWindow window = DigestWindow.parse("2024-03-01T23:17:30Z", "2024-03-02T01:43:00Z");
    OracleDigest oracle = new OracleDigest(window.startEpochSecond(), window.stopEpochSecond());
    S3ObjectSink text = new S3ObjectSink(client, "text-logs", "");
    S3ObjectSink mixed = new S3ObjectSink(client, "mixed-logs", "");
    int parquetObjects = 0;
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
      MixedFormats.generate(spec, key -> false, (key, bytes, records) -> text.put(key, bytes));
      parquetObjects +=
          MixedFormats.generate(
              spec,
              key -> key.hashCode() % 2 == 0,
              (key, bytes, records) -> {
                oracle.add(records);
                mixed.put(key, bytes);
              });
    }

    DigestSummary fromText = digest("s3://text-logs", "s3://digests/text/", window);
    DigestSummary fromMixed = digest("s3://mixed-logs", "s3://digests/mixed/", window);

    String textDigest =
        Gzip.gunzip(S3Fixture.get(client, "digests", "text/" + window.digestId() + ".log.gz"));
    String mixedDigest =
        Gzip.gunzip(S3Fixture.get(client, "digests", "mixed/" + window.digestId() + ".log.gz"));
    assertTrue(parquetObjects > 50, "many objects are Parquet: " + parquetObjects);
    assertTrue(oracle.keys() > 1000, "many keys: " + oracle.keys());
    assertEquals(textDigest, mixedDigest);
    assertEquals(oracle.text(), mixedDigest);
    assertEquals(fromText.objects().read(), fromMixed.objects().read());
    assertEquals(fromText.records().digested(), fromMixed.records().digested());
    assertEquals(fromText.records().outsideWindow(), fromMixed.records().outsideWindow());
    assertEquals(
        fromText.records().byOutcome().get("nodata"),
        fromMixed.records().byOutcome().get("nodata"));
    assertEquals(List.of(), fromMixed.skippedObjects());
  }

  @Test
  void parquetObjectsThatCannotBeReadAreSkippedWithTheirReason() throws Exception {
    Map<String, String> bad = writeBadParquetObjects();

    DigestSummary summary =
        digest("s3://bad-logs", "s3://digests/bad-skip/", badWindow(), CorruptObjectPolicy.SKIP);

    Map<String, String> skipped = new TreeMap<>();
    summary
        .skippedObjects()
        .forEach(
            o -> {
              assertEquals(SkippedObject.CORRUPT, o.reason(), o.toString());
              skipped.put(o.key(), o.detail());
            });
    assertEquals(bad.keySet(), skipped.keySet());
    bad.forEach(
        (key, reason) ->
            assertTrue(skipped.get(key).contains(reason), key + ": " + skipped.get(key)));
    assertEquals(1, summary.objects().read());
    assertEquals(2, summary.records().digested());
    OracleDigest oracle = new OracleDigest(1717200000L, 1717203600L);
    oracle.add(GOOD);
    assertEquals(
        oracle.text(),
        Gzip.gunzip(
            S3Fixture.get(client, "digests", "bad-skip/" + badWindow().digestId() + ".log.gz")));
  }

  @Test
  void underTheFailPolicyAnUnreadableParquetObjectFailsTheRunNamingIt() throws Exception {
    Map<String, String> bad = writeBadParquetObjects();

    Exception e =
        assertThrows(
            Exception.class,
            () ->
                digest(
                    "s3://bad-logs",
                    "s3://digests/bad-fail/",
                    badWindow(),
                    CorruptObjectPolicy.FAIL));

    String message =
        String.valueOf(e.getMessage())
            + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
    assertTrue(bad.keySet().stream().anyMatch(message::contains), message);
    assertTrue(message.contains("not readable Parquet"), message);
    assertEquals(
        List.of(), client.listObjectsV2(b -> b.bucket("digests").prefix("bad-fail/")).contents());
  }

  private static final String GOOD =
      "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n"
          + "2 123456789012 eni-1 10.0.0.1 10.0.0.2 49152 443 6 10 1000 1717200060 1717200120 ACCEPT OK\n"
          + "2 123456789012 eni-1 10.0.0.3 10.0.0.2 49153 22 6 1 40 1717200070 1717200080 REJECT OK\n";

  /** One good Parquet object and three that are not readable Parquet, by key with their reason. */
  private static Map<String, String> writeBadParquetObjects() throws Exception {
    byte[] good =
        new io.vpcflow.digesterd.parquet.FlowLogParquetWriter(
                org.apache.parquet.hadoop.metadata.CompressionCodecName.GZIP, 1)
            .write(GOOD);
    put(badKey(0, "good"), good);
    Map<String, String> bad = new TreeMap<>();
    put(badKey(5, "gzip"), Gzip.gzip(GOOD));
    bad.put(badKey(5, "gzip"), "does not end with PAR1");
    put(badKey(10, "trunc"), Arrays.copyOf(good, good.length - 40));
    bad.put(badKey(10, "trunc"), "does not end with PAR1");
    byte[] garbage = new byte[4096];
    System.arraycopy("PAR1".getBytes(StandardCharsets.US_ASCII), 0, garbage, 0, 4);
    System.arraycopy("PAR1".getBytes(StandardCharsets.US_ASCII), 0, garbage, garbage.length - 4, 4);
    garbage[garbage.length - 8] = 100;
    put(badKey(15, "garbage"), garbage);
    bad.put(badKey(15, "garbage"), "not readable Parquet");
    return bad;
  }

  private static String badKey(int minute, String hash) {
    return BAD_DAY
        + String.format(
            "123456789012_vpcflowlogs_us-east-1_fl-0bad_20240601T00%02dZ_%s.log.parquet",
            minute, hash);
  }

  private static void put(String key, byte[] bytes) {
    client.putObject(b -> b.bucket("bad-logs").key(key), RequestBody.fromBytes(bytes));
  }

  private static DigestWindow badWindow() {
    return DigestWindow.parse(BAD_WINDOW_START, BAD_WINDOW_STOP);
  }

  private static DigestSummary digest(String logs, String storage, DigestWindow window)
      throws Exception {
    return digest(logs, storage, window, CorruptObjectPolicy.SKIP);
  }

  private static DigestSummary digest(
      String logs, String storage, DigestWindow window, CorruptObjectPolicy policy)
      throws Exception {
    DigestOptions options = S3Fixture.options(server);
    options.setFlowLogsBucket(logs);
    options.setStorageBucket(storage);
    options.setStart(window.start().toString());
    options.setStop(window.stop().toString());
    options.setOnCorruptObject(policy);
    return DigestPipeline.run(options);
  }
}
