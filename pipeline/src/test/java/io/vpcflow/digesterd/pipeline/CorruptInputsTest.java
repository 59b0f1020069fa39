package io.vpcflow.digesterd.pipeline;

import static io.vpcflow.digesterd.testing.Bytes.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.SkippedObject;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.OracleDigest;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Hostile objects in a window, read from a real S3 server: a truncated gzip object, a zero-byte
 * object, plain text named {@code .gz}, a Parquet object, a 10 MiB line without a newline, and
 * objects of two GZIP members: whole, the second cut short, or bytes after the first that start no
 * member. By default each bad object is skipped and listed with its reason and the digest holds
 * exactly the intact records; with the fail policy the digest fails naming a corrupt object.
 */
class CorruptInputsTest {
  private static final String BUCKET = "hostile-logs";
  private static final String DAY = "AWSLogs/123456789012/vpcflowlogs/us-east-1/2024/06/01/";
  private static final String HEADER =
      "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n";
  private static final long START = 1717200000L; // 2024-06-01T00:00:00Z
  private static final String GOOD_TEXT =
      HEADER
          + "2 123456789012 eni-1 10.0.0.1 10.0.0.2 49152 443 6 10 1000 "
          + (START + 60)
          + " "
          + (START + 120)
          + " ACCEPT OK\n"
          + "2 123456789012 eni-1 10.0.0.3 10.0.0.2 49153 22 6 1 40 "
          + (START + 70)
          + " "
          + (START + 80)
          + " REJECT OK\n";
  private static final String BEFORE_HUGE_LINE =
      HEADER
          + "2 123456789012 eni-1 10.0.0.9 10.0.0.2 50000 80 6 3 300 "
          + (START + 90)
          + " "
          + (START + 95)
          + " ACCEPT OK\n";

  /** A record in a second GZIP member, after a member holding {@link #GOOD_TEXT}. */
  private static final String SECOND_MEMBER =
      "2 123456789012 eni-1 10.0.0.5 10.0.0.2 50001 443 6 2 200 "
          + (START + 100)
          + " "
          + (START + 110)
          + " ACCEPT OK\n";

  private static EmbeddedS3Server server;
  private static S3Client client;
  private static final Map<String, String> BAD = new TreeMap<>();

  private static String key(int minute, String hash) {
    return DAY
        + String.format(
            "123456789012_vpcflowlogs_us-east-1_fl-0h0st1le_20240601T00%02dZ_%s.log.gz",
            minute, hash);
  }

  private static void put(String key, byte[] bytes) {
    client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
  }

  @BeforeAll
  static void writeObjects() throws Exception {
    server = EmbeddedS3Server.inMemory();
    client = S3Fixture.client(server);
    client.createBucket(b -> b.bucket(BUCKET));
    put(key(0, "good"), Gzip.gzip(GOOD_TEXT));
    byte[] whole = Gzip.gzip(GOOD_TEXT + GOOD_TEXT);
    put(key(5, "trunc"), Arrays.copyOf(whole, whole.length / 2));
    BAD.put(key(5, "trunc"), SkippedObject.CORRUPT);
    put(key(10, "empty"), new byte[0]);
    BAD.put(key(10, "empty"), SkippedObject.EMPTY);
    put(key(15, "text"), GOOD_TEXT.getBytes(StandardCharsets.UTF_8));
    BAD.put(key(15, "text"), SkippedObject.CORRUPT);
    byte[] parquet = new byte[4096];
    System.arraycopy("PAR1".getBytes(StandardCharsets.US_ASCII), 0, parquet, 0, 4);
    System.arraycopy("PAR1".getBytes(StandardCharsets.US_ASCII), 0, parquet, parquet.length - 4, 4);
    put(key(20, "parquet"), parquet);
    BAD.put(key(20, "parquet"), SkippedObject.CORRUPT);
    put(key(25, "huge"), gzipWithHugeLastLine());
    byte[] first = Gzip.gzip(GOOD_TEXT);
    byte[] second = Gzip.gzip(SECOND_MEMBER);
    put(key(30, "members"), concat(first, second));
    put(key(35, "cutmember"), concat(first, Arrays.copyOf(second, 8)));
    BAD.put(key(35, "cutmember"), SkippedObject.CORRUPT);
    put(key(40, "trailing"), concat(first, new byte[64]));
    BAD.put(key(40, "trailing"), SkippedObject.CORRUPT);
  }

  /** The header, one record, then 10 MiB of one line that never ends. */
  private static byte[] gzipWithHugeLastLine() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(BEFORE_HUGE_LINE.getBytes(StandardCharsets.UTF_8));
      byte[] x = new byte[1 << 20];
      Arrays.fill(x, (byte) 'x');
      for (int i = 0; i < 10; i++) {
        gzip.write(x);
      }
    }
    return bytes.toByteArray();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    server.close();
  }

  private static DigestOptions options(String storage, CorruptObjectPolicy policy) {
    DigestOptions options = S3Fixture.options(server);
    options.setFlowLogsBucket(BUCKET);
    options.setStorageBucket(storage);
    options.setStart("2024-06-01T00:00:00Z");
    options.setStop("2024-06-01T01:00:00Z");
    options.setOnCorruptObject(policy);
    return options;
  }

  @Test
  void badObjectsAreSkippedAndListedWithTheirReasonAndTheDigestHoldsExactlyTheIntactRecords()
      throws Exception {
    client.createBucket(b -> b.bucket("skip-digests"));
    DigestSummary summary = DigestPipeline.run(options("skip-digests", CorruptObjectPolicy.SKIP));

    Map<String, String> listed = new TreeMap<>();
    Map<String, String> details = new TreeMap<>();
    summary.skippedObjects().forEach(o -> listed.put(o.key(), o.reason()));
    summary.skippedObjects().forEach(o -> details.put(o.key(), o.detail()));
    assertEquals(BAD, listed);
    assertEquals(
        "truncated gzip data: the data ends inside the header of GZIP member 2",
        details.get(key(35, "cutmember")));
    assertEquals(
        "not valid gzip data: the bytes after GZIP member 1 do not start a member",
        details.get(key(40, "trailing")));
    assertEquals(
        3, summary.objects().read(), "the good object, the one with the huge line, two members");
    assertEquals(1, summary.records().byOutcome().get("line-too-long"));
    OracleDigest oracle = new OracleDigest(START, START + 3600);
    oracle.add(GOOD_TEXT);
    oracle.add(BEFORE_HUGE_LINE);
    oracle.add(GOOD_TEXT + SECOND_MEMBER);
    String id =
        DigestWindow.parse("2024-06-01T00:00:00Z", "2024-06-01T01:00:00Z").digestId().toString();
    assertEquals(oracle.text(), Gzip.gunzip(S3Fixture.get(client, "skip-digests", id + ".log.gz")));
    assertEquals(6, summary.records().digested());
  }

  @Test
  void withTheFailPolicyACorruptObjectFailsTheDigestNamingItAndNothingIsWritten() {
    client.createBucket(b -> b.bucket("fail-digests"));
    Exception e =
        assertThrows(
            Exception.class,
            () -> DigestPipeline.run(options("fail-digests", CorruptObjectPolicy.FAIL)));
    String message =
        String.valueOf(e.getMessage())
            + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
    assertTrue(message.contains("corrupt object"), message);
    List<String> corrupt =
        BAD.entrySet().stream()
            .filter(b -> b.getValue().equals(SkippedObject.CORRUPT))
            .map(Map.Entry::getKey)
            .toList();
    assertTrue(corrupt.stream().anyMatch(message::contains), message);
    assertEquals(List.of(), client.listObjectsV2(b -> b.bucket("fail-digests")).contents());
  }
}
