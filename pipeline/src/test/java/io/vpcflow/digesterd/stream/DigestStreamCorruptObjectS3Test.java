package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.SkippedObject;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.stream.StreamFixture.LogObject;
import io.vpcflow.digesterd.testing.Eventually;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A corrupt object among the objects of a stream, against s3proxy on the DirectRunner: a gzip'd
 * text object cut in the middle (its first records decode, then the stream of bytes ends) lands
 * with the others of window 0 before the stream starts, so that it is read in a batch with them. It
 * is skipped whole, as the batch path skips it: each closed window's digest is byte-identical to
 * the batch digest of the same window, none of its records is in window 0, it is counted once as
 * corrupt, and a read record lists it, so that a restart does not read it again.
 */
class DigestStreamCorruptObjectS3Test {
  private static final String ACCOUNT = "333333333333";

  @Test
  void aCorruptObjectIsLeftOutWholeAndTheOthersOfItsBatchAreDigested() throws Exception {
    try (EmbeddedS3Server server = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(server)) {
      S3Fixture.createBuckets(client, "corrupt-logs", "digests");
      Instant w0 = StreamFixture.firstWindow();
      List<LogObject> objects = StreamFixture.objects(w0, ACCOUNT, 29);
      LogObject text =
          objects.stream()
              .filter(o -> o.key().endsWith(".log.gz"))
              .filter(o -> o.stamp().equals(w0.plus(Duration.ofMinutes(3))))
              .findFirst()
              .orElseThrow();
      String brokenKey = text.key().replaceFirst("_[0-9a-f]+\\.log\\.gz$", "_0badbeef.log.gz");
      assertNotEquals(text.key(), brokenKey);
      byte[] cut = Arrays.copyOf(text.bytes(), text.bytes().length / 2);
      for (LogObject o : objects) {
        client.putObject(
            b -> b.bucket("corrupt-logs").key(o.key()), RequestBody.fromBytes(o.bytes()));
      }
      client.putObject(b -> b.bucket("corrupt-logs").key(brokenKey), RequestBody.fromBytes(cut));

      PipelineResult stream =
          DigestStream.run(
              StreamFixture.options(server, "corrupt-logs", "s3://digests/stream/", w0));
      try {
        for (int window = 0; window < 3; window++) {
          String key = "stream/" + StreamFixture.id(w0, window) + ".json";
          Eventually.until(
              () -> StreamFixture.exists(client, "digests", key),
              Duration.ofSeconds(30),
              "the summary " + key + " is stored");
        }
        Eventually.until(
            () -> StreamFixture.counter(stream, "corrupt-objects") == 1,
            Duration.ofSeconds(10),
            "the corrupt object is counted");
        assertEquals(
            objects.size(),
            StreamFixture.counter(stream, "objects-read"),
            "every other object read");
        List<String> recorded = new ArrayList<>();
        for (S3Object o :
            client
                .listObjectsV2(b -> b.bucket("digests").prefix("stream/stream/" + SavedParts.READ))
                .contents()) {
          recorded.addAll(SavedParts.keysOf(S3Fixture.get(client, "digests", o.key())));
        }
        assertTrue(recorded.contains(brokenKey), "the corrupt object's read is recorded");
      } finally {
        stream.cancel();
      }
      for (int window = 0; window < 3; window++) {
        String id = StreamFixture.id(w0, window);
        DigestSummary batch =
            StreamFixture.batchDigest(server, "corrupt-logs", "digests", w0, window);
        if (window == 0) {
          assertEquals(
              List.of(brokenKey),
              batch.skippedObjects().stream().map(SkippedObject::key).toList(),
              "the batch path skips the corrupt object too");
        }
        assertEquals(
            Gzip.gunzip(S3Fixture.get(client, "digests", "batch/" + id + ".log.gz")),
            Gzip.gunzip(S3Fixture.get(client, "digests", "stream/" + id + ".log.gz")),
            "window " + window);
      }
    }
  }
}
