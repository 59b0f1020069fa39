package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.pipeline.DigestOptions;
import io.vpcflow.digesterd.pipeline.DigestPipeline;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.s3.EmbeddedS3Server;
import io.vpcflow.digesterd.stream.StreamFixture.LogObject;
import io.vpcflow.digesterd.testing.Eventually;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Kill and restart, against s3proxy: a stream digests window 0 of three 5-minute windows and is
 * cancelled while windows 1 and 2 are open; a second stream with the same options starts from the
 * stored resume point. Every window's digest then exists, byte-identical to the batch digest,
 * window 0's objects are not rewritten, the second stream writes exactly the two other windows,
 * and it reads only the objects that can hold records of windows from the resume point on
 * (stamped at or after the resume point minus the object slack before), not window 0's others.
 */
class DigestStreamRestartS3Test {
  private static final String ACCOUNT = "222222222222";
  private static final String STORAGE = "restart/";

  private static EmbeddedS3Server server;
  private static S3Client client;

  @BeforeAll
  static void startServer() throws Exception {
    server = EmbeddedS3Server.inMemory();
    client = S3Fixture.client(server);
    for (String bucket : List.of("restart-logs", "digests")) {
      client.createBucket(b -> b.bucket(bucket));
    }
  }

  @AfterAll
  static void stopServer() throws Exception {
    client.close();
    server.close();
  }

  @Test
  void aRestartedStreamResumesAtTheFirstWindowNotClosed() throws Exception {
    Instant w0 = StreamFixture.firstWindow();
    List<LogObject> objects = StreamFixture.objects(w0, ACCOUNT, 17);
    Instant killedAfter = w0.plus(Duration.ofMinutes(10));
    Instant resumePoint = w0.plus(Duration.ofMinutes(5));
    Instant rereadFrom = resumePoint.minus(Duration.ofMinutes(1));

    PipelineResult first = DigestStream.run(options(w0));
    try {
      land(objects.stream().filter(o -> !o.stamp().isAfter(killedAfter)).toList());
      String stateKey = STORAGE + "stream/state.json";
      Eventually.until(
          () -> exists(summaryKey(w0, 0)) && exists(stateKey)
              && ResumePoint.parse(text(stateKey)).window().equals(resumePoint),
          Duration.ofSeconds(30),
          "window 0 is digested and the resume point is stored after it");
      assertFalse(exists(summaryKey(w0, 1)), "window 1 is still open when the stream is killed");
    } finally {
      first.cancel();
    }
    HeadObjectResponse digest0 = head(digestKey(w0, 0));
    HeadObjectResponse summary0 = head(summaryKey(w0, 0));

    StreamOptions again = options(w0);
    again.setStreamFrom("");
    PipelineResult second = DigestStream.run(again);
    try {
      land(objects.stream().filter(o -> o.stamp().isAfter(killedAfter)).toList());
      for (int window = 1; window < 3; window++) {
        String key = summaryKey(w0, window);
        Eventually.until(() -> exists(key), Duration.ofSeconds(30), "the summary " + key + " is stored");
      }
      long expectedReads = objects.stream().filter(o -> !o.stamp().isBefore(rereadFrom)).count();
      Eventually.until(
          () -> counter(second, "objects-read") == expectedReads,
          Duration.ofSeconds(10),
          "the second stream reads the " + expectedReads + " objects stamped from " + rereadFrom);
      long notReread = objects.stream().filter(o -> o.stamp().isBefore(rereadFrom)).count();
      assertTrue(notReread >= 4, "window 0's other objects (" + notReread + ") are not read again");
      Eventually.until(
          () -> counter(second, "windows-written") >= 2,
          Duration.ofSeconds(10),
          "the counters of the bundles that wrote windows 1 and 2 are committed");
      assertEquals(2, counter(second, "windows-written"), "windows 1 and 2, each once");
      assertEquals(0, counter(second, "windows-already-digested"));
      Eventually.until(
          () -> ResumePoint.parse(text(STORAGE + "stream/state.json")).window().equals(w0.plus(Duration.ofMinutes(15))),
          Duration.ofSeconds(10),
          "the resume point moves past windows 1 and 2");
    } finally {
      second.cancel();
    }

    assertEquals(digest0.eTag(), head(digestKey(w0, 0)).eTag());
    assertEquals(digest0.lastModified(), head(digestKey(w0, 0)).lastModified(), "window 0 is not rewritten");
    assertEquals(summary0.lastModified(), head(summaryKey(w0, 0)).lastModified());
    assertFalse(exists(summaryKey(w0, 3)), "window 3 never closed");
    assertEquals(0, WindowSummaries.lateOf(summary(summaryKey(w0, 0))), "no record of window 0 came late");
    for (int window = 0; window < 3; window++) {
      Instant start = w0.plus(Duration.ofMinutes(5L * window));
      DigestOptions batch = S3Fixture.options(server);
      batch.setFlowLogsBucket("restart-logs");
      batch.setStorageBucket("s3://digests/batch/");
      batch.setStart(start.toString());
      batch.setStop(start.plus(Duration.ofMinutes(5)).toString());
      DigestPipeline.run(batch);
      String id = StreamFixture.id(w0, window);
      assertEquals(
          Gzip.gunzip(S3Fixture.get(client, "digests", "batch/" + id + ".log.gz")),
          Gzip.gunzip(S3Fixture.get(client, "digests", digestKey(w0, window))),
          "window " + window);
    }
  }

  private static StreamOptions options(Instant w0) {
    return StreamFixture.options(server, "restart-logs", "s3://digests/" + STORAGE, w0);
  }

  /** Lands {@code objects} in the order of their stamps, so that none of them is late. */
  private static void land(List<LogObject> objects) {
    for (LogObject o : objects.stream().sorted(Comparator.comparing(LogObject::stamp)).toList()) {
      client.putObject(b -> b.bucket("restart-logs").key(o.key()), RequestBody.fromBytes(o.bytes()));
    }
  }

  private static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> counter :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder().addNameFilter(MetricNameFilter.named("stream", name)).build())
            .getCounters()) {
      total += Optional.ofNullable(counter.getAttempted()).orElse(0L);
    }
    return total;
  }

  private static String digestKey(Instant w0, int window) {
    return STORAGE + StreamFixture.id(w0, window) + ".log.gz";
  }

  private static String summaryKey(Instant w0, int window) {
    return STORAGE + StreamFixture.id(w0, window) + ".json";
  }

  private static HeadObjectResponse head(String key) {
    return client.headObject(b -> b.bucket("digests").key(key));
  }

  private static boolean exists(String key) {
    return StreamFixture.exists(client, "digests", key);
  }

  private static DigestSummary summary(String key) throws IOException {
    return DigestSummaryJson.read(text(key));
  }

  private static String text(String key) {
    return new String(S3Fixture.get(client, "digests", key), StandardCharsets.UTF_8);
  }
}
