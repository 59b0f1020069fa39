package io.vpcflow.digesterd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.parquet.FlowLogParquetWriter;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.CountingReads;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.util.Random;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A Parquet object larger than {@link BeamInputFile#WHOLE_READ_BYTES} with many columns the digest
 * does not read, on s3proxy: it is read in ranged GETs of the footer and of each row group's digest
 * columns, reading well under half of its bytes (as {@code <id>.json} reports), and digests as its
 * text does.
 */
class ParquetRangedReadS3Test {
  private static final String DAY = "AWSLogs/123456789012/vpcflowlogs/us-east-1/2024/06/01/";
  private static final String NAME =
      "123456789012_vpcflowlogs_us-east-1_fl-0b16_20240601T0030Z_big";
  private static final DigestWindow WINDOW =
      DigestWindow.parse("2024-06-01T00:00:00Z", "2024-06-01T01:00:00Z");

  @Test
  void aLargeObjectIsReadByRangesOfItsDigestColumns() throws Exception {
    String text = wideRecords(60_000);
    byte[] parquet = new FlowLogParquetWriter(CompressionCodecName.GZIP, 15_000).write(text);
    CountingReads.Counts reads = new CountingReads.Counts();
    try (EmbeddedS3Server server = EmbeddedS3Server.inMemory(reads.middleware());
        S3Client client = S3Fixture.client(server)) {
      S3Fixture.createBuckets(client, "text-logs", "parquet-logs", "digests");
      client.putObject(
          b -> b.bucket("text-logs").key(DAY + NAME + ".log.gz"),
          RequestBody.fromBytes(Gzip.gzip(text)));
      client.putObject(
          b -> b.bucket("parquet-logs").key(DAY + NAME + ".log.parquet"),
          RequestBody.fromBytes(parquet));

      DigestSummary fromText = digest(server, "text-logs", "s3://digests/text/");
      DigestSummary fromParquet = digest(server, "parquet-logs", "s3://digests/parquet/");

      assertTrue(
          parquet.length > BeamInputFile.WHOLE_READ_BYTES, "a large object: " + parquet.length);
      assertEquals(60_000, fromParquet.records().digested());
      assertEquals(fromText.keys(), fromParquet.keys());
      assertEquals(
          Gzip.gunzip(S3Fixture.get(client, "digests", "text/" + WINDOW.digestId() + ".log.gz")),
          Gzip.gunzip(
              S3Fixture.get(client, "digests", "parquet/" + WINDOW.digestId() + ".log.gz")));
      String key = DAY + NAME + ".log.parquet";
      assertTrue(
          reads.snapshot().get(key) >= 5,
          "footer and four row groups: " + reads.snapshot().get(key));
      long fetched = fromParquet.objects().bytes();
      assertTrue(
          fetched < parquet.length / 2,
          "only the digest's columns are read: " + fetched + " of " + parquet.length + " bytes");
      assertEquals(
          Gzip.gzip(text).length, fromText.objects().bytes(), "a text object is read whole");
    }
  }

  /** v5-like records whose columns the digest does not read hold hard-to-compress values. */
  private static String wideRecords(int count) {
    Random random = new Random(5);
    StringBuilder text =
        new StringBuilder(
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start"
                + " end action log-status vpc-id subnet-id instance-id pkt-srcaddr pkt-dstaddr"
                + " ecs-task-arn ecs-container-id\n");
    for (int i = 0; i < count; i++) {
      long start = WINDOW.startEpochSecond() + random.nextInt(3600);
      text.append("5 123456789012 eni-")
          .append(random.nextInt(20))
          .append(" 10.0.")
          .append(random.nextInt(4))
          .append('.')
          .append(random.nextInt(200))
          .append(" 10.1.0.")
          .append(random.nextInt(50))
          .append(' ')
          .append(32768 + random.nextInt(20000))
          .append(" 443 6 ")
          .append(1 + random.nextInt(9))
          .append(' ')
          .append(100 + random.nextInt(9000))
          .append(' ')
          .append(start)
          .append(' ')
          .append(start + 30)
          .append(" ACCEPT OK")
          .append(" vpc-")
          .append(Long.toHexString(random.nextLong()))
          .append(" subnet-")
          .append(Long.toHexString(random.nextLong()))
          .append(" i-")
          .append(Long.toHexString(random.nextLong()))
          .append(" 10.9.")
          .append(random.nextInt(256))
          .append('.')
          .append(random.nextInt(256))
          .append(" 10.8.")
          .append(random.nextInt(256))
          .append('.')
          .append(random.nextInt(256))
          .append(" arn:aws:ecs:us-east-1:123456789012:task/c/")
          .append(Long.toHexString(random.nextLong()))
          .append(Long.toHexString(random.nextLong()))
          .append(' ')
          .append(Long.toHexString(random.nextLong()))
          .append(Long.toHexString(random.nextLong()))
          .append('\n');
    }
    return text.toString();
  }

  private static DigestSummary digest(EmbeddedS3Server server, String logs, String storage)
      throws Exception {
    DigestOptions options = S3Fixture.options(server);
    options.setFlowLogsBucket(logs);
    options.setStorageBucket(storage);
    options.setStart(WINDOW.start().toString());
    options.setStop(WINDOW.stop().toString());
    return DigestPipeline.run(options);
  }
}
