package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.apitesting.JarProcess;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.stream.StreamFixture.LogObject;
import io.vpcflow.digesterd.testing.CountingReads;
import io.vpcflow.digesterd.testing.Eventually;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code kill -9} of a {@code stream} process (the fat jar) while a window is open: the objects of
 * windows 0 and 1 have landed, window 0 is digested, window 1's objects are read. A second process
 * with the same configuration resumes from the stored point, the rest of the objects land, and
 * windows 1 and 2 are digested. Counted by the S3 server: every object is read exactly once over
 * both processes; every digest is byte-identical to the batch digest of its window, and window 0's
 * digest is not written again.
 */
class StreamKillIT {
  private static final String ACCOUNT = "333333333333";
  private static final Path WORK = Paths.get("target", "stream-kill-it");

  @Test
  void aKilledStreamResumesWithoutReadingAnyObjectAgain() throws Exception {
    CountingReads.Counts reads = new CountingReads.Counts();
    try (EmbeddedS3Server s3 = EmbeddedS3Server.inMemory(reads.middleware());
        S3Client client = S3Fixture.client(s3)) {
      ServerEnv.createBuckets(client, "logs");
      Instant w0 = StreamFixture.firstWindow();
      List<LogObject> objects = StreamFixture.objects(w0, ACCOUNT, 17);
      Map<String, String> env =
          ServerEnv.of(
              s3,
              "logs",
              Map.of(
                  "DIGEST_STREAM_POLL", "PT0.5S",
                  "DIGEST_STREAM_WINDOW", "PT5M",
                  "DIGEST_STREAM_LATENESS", "PT2M",
                  "VPC_FLOW_LOGS_SLACK_BEFORE", "PT1M",
                  "VPC_FLOW_LOGS_SLACK_AFTER", "PT1M"));
      Pattern started = Pattern.compile("(streaming: watching)");

      // Objects stamped up to w0+9m: window 0 closes (at w0+7m; watermark w0+8m), window 1 (closing
      // at w0+12m) stays open.
      List<LogObject> first =
          objects.stream().filter(o -> !o.stamp().isAfter(w0.plus(Duration.ofMinutes(9)))).toList();
      String window0 = StreamFixture.id(w0, 0);
      String etag0;
      try (JarProcess stream =
          JarProcess.start(env, WORK.resolve("first.out"), "stream", "--streamFrom=" + w0)) {
        stream.awaitOutput(started, Duration.ofSeconds(60));
        land(client, first);
        Eventually.until(
            () -> StreamFixture.exists(client, ServerEnv.DIGESTS, window0 + ".json"),
            Duration.ofSeconds(60),
            "window 0 is digested");
        Eventually.until(
            () -> objectsRead(client) == first.size(),
            Duration.ofSeconds(60),
            "the status says all " + first.size() + " objects landed were read");
        etag0 = client.headObject(b -> b.bucket(ServerEnv.DIGESTS).key(window0 + ".log.gz")).eTag();
        stream.kill();
      }
      assertEquals(
          StreamFixture.readOnce(first),
          reads.snapshot(),
          "before the kill, each landed object was read once");

      try (JarProcess stream = JarProcess.start(env, WORK.resolve("second.out"), "stream")) {
        stream.awaitOutput(started, Duration.ofSeconds(60));
        land(client, objects.stream().filter(o -> !first.contains(o)).toList());
        for (int window = 1; window < 3; window++) {
          String id = StreamFixture.id(w0, window);
          Eventually.until(
              () -> StreamFixture.exists(client, ServerEnv.DIGESTS, id + ".json"),
              Duration.ofSeconds(60),
              "window " + id + " is digested after the restart");
        }
        int rest = objects.size() - first.size();
        Eventually.until(
            () -> objectsRead(client) == rest,
            Duration.ofSeconds(60),
            "the status of the second process says the "
                + rest
                + " objects landed since were read");
      }

      assertEquals(
          StreamFixture.readOnce(objects),
          reads.snapshot(),
          "over both processes, each object was read once");
      assertEquals(
          etag0,
          client.headObject(b -> b.bucket(ServerEnv.DIGESTS).key(window0 + ".log.gz")).eTag());
      for (int window = 0; window < 3; window++) {
        assertTrue(
            StreamFixture.batchDigest(s3, "logs", ServerEnv.DIGESTS, w0, window).keys() > 50,
            "window " + window + " has many keys");
        String id = StreamFixture.id(w0, window);
        assertEquals(
            Gzip.gunzip(S3Fixture.get(client, ServerEnv.DIGESTS, "batch/" + id + ".log.gz")),
            Gzip.gunzip(S3Fixture.get(client, ServerEnv.DIGESTS, id + ".log.gz")),
            "window " + window);
      }
    }
  }

  private static void land(S3Client client, List<LogObject> objects) {
    for (LogObject o : objects) {
      client.putObject(b -> b.bucket("logs").key(o.key()), RequestBody.fromBytes(o.bytes()));
    }
  }

  private static long objectsRead(S3Client client) {
    if (!StreamFixture.exists(client, ServerEnv.PROGRESS, "stream/status.json")) {
      return -1;
    }
    try {
      return StreamStatusJson.read(
              new String(
                  S3Fixture.get(client, ServerEnv.PROGRESS, "stream/status.json"),
                  StandardCharsets.UTF_8))
          .objectsRead();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
