package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.digest.DigestId;
import io.vpcflow.digesterd.layout.FlowLogObjectName;
import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.stream.StreamFixture.LogObject;
import io.vpcflow.digesterd.testing.Eventually;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.beam.sdk.PipelineResult;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The acceptance scenario of streaming mode, against s3proxy, for any runner: objects of three
 * 5-minute windows land over time, shuffled within each upload round, one of them after objects
 * stamped later than it (late, but within the lateness); each window's digest appears only after
 * its close and is byte-identical (after gunzip) to the batch digest of the same window; a record
 * later than the lateness is counted as late in the window's {@code <id>.json}; the stream's status
 * document shows the last object, the watermark, the open window and the late records.
 *
 * <p>Event time is driven by the objects: the windows lie 30 minutes in the past and the stream's
 * watermark is the latest object time stamp minus the object slack after ({@link StreamPoll}), so
 * each upload round moves event time forward by its objects' stamps, whatever the wall clock.
 */
final class StreamAcceptance {
  private static final String ACCOUNT = "111111111111";
  private static final Duration ROUND_PAUSE = Duration.ofMillis(1500);

  private final S3Client client;

  private StreamAcceptance(S3Client client) {
    this.client = client;
  }

  /**
   * Runs the scenario on {@code server} (buckets {@code stream-logs} and {@code digests} created
   * empty), the stream's options completed by {@code runner}, waiting up to {@code wait} for each
   * digest.
   */
  static void run(EmbeddedS3Server server, Consumer<StreamOptions> runner, Duration wait)
      throws Exception {
    try (S3Client client = S3Fixture.client(server)) {
      new StreamAcceptance(client).play(server, runner, wait);
    }
  }

  private void play(EmbeddedS3Server server, Consumer<StreamOptions> runner, Duration wait)
      throws Exception {
    Instant w0 = StreamFixture.firstWindow();
    List<LogObject> objects = StreamFixture.objects(w0, ACCOUNT, 11);
    StreamOptions options =
        StreamFixture.options(server, "stream-logs", "s3://digests/stream/", w0);
    runner.accept(options);

    // One object of window 1 (stamp w0+9m) is held back and lands with the stamps 10..12 minutes:
    // after later objects, but before window 1 closes (watermark w0+12m = stamp w0+13m - 1m).
    LogObject heldBack =
        objects.stream()
            .filter(o -> o.stamp().equals(w0.plus(Duration.ofMinutes(9))))
            .findFirst()
            .orElseThrow();
    Random random = new Random(3);
    PipelineResult stream = DigestStream.run(options);
    try {
      for (int round = 0; round < 7; round++) {
        Instant low = w0.plus(Duration.ofMinutes(3L * round));
        Instant high = low.plus(Duration.ofMinutes(3));
        List<LogObject> batch = new ArrayList<>();
        for (LogObject o : objects) {
          if (o.stamp().isAfter(low) && !o.stamp().isAfter(high) && o != heldBack) {
            batch.add(o);
          }
        }
        if (round == 3) {
          batch.add(heldBack);
        }
        Collections.shuffle(batch, random);
        if (round == 5) {
          assertFalse(exists(summaryKey(w0, 2)), "window 2 is digested only once it has closed");
        }
        for (LogObject o : batch) {
          client.putObject(
              b -> b.bucket("stream-logs").key(o.key()), RequestBody.fromBytes(o.bytes()));
        }
        Thread.sleep(ROUND_PAUSE.toMillis());
      }
      assertEquals(PipelineResult.State.RUNNING, stream.getState());
      for (int window = 0; window < 3; window++) {
        String key = summaryKey(w0, window);
        Eventually.until(() -> exists(key), wait, "the summary " + key + " is stored");
      }

      for (int window = 0; window < 3; window++) {
        String id = StreamFixture.id(w0, window);
        DigestSummary batchSummary =
            StreamFixture.batchDigest(server, "stream-logs", "digests", w0, window);

        String streamed = Gzip.gunzip(S3Fixture.get(client, "digests", "stream/" + id + ".log.gz"));
        String batched = Gzip.gunzip(S3Fixture.get(client, "digests", "batch/" + id + ".log.gz"));
        assertTrue(
            batchSummary.keys() > 50,
            "window " + window + " has many keys: " + batchSummary.keys());
        assertEquals(batched, streamed, "window " + window);
        DigestSummary streamSummary = summary("stream/" + id + ".json");
        assertEquals(batchSummary.keys(), streamSummary.keys());
        assertEquals(batchSummary.records().digested(), streamSummary.records().digested());
        assertEquals("s3://digests/stream/" + id + ".log.gz", streamSummary.digest());
      }
      assertFalse(exists(summaryKey(w0, 3)), "window 3 never closed: the last stamp is w0+20m");

      // A record of window 0 landing now is later than the lateness: counted, not digested.
      String id0 = DigestId.of(w0, w0.plus(Duration.ofMinutes(5))).toString();
      byte[] before = S3Fixture.get(client, "digests", "stream/" + id0 + ".log.gz");
      Instant lateStamp = w0.plus(Duration.ofMinutes(4));
      String lateKey =
          "AWSLogs/"
              + ACCOUNT
              + "/vpcflowlogs/us-east-1/"
              + KeyLayout.PLAIN.dayFolder(
                  lateStamp.atOffset(java.time.ZoneOffset.UTC).toLocalDate())
              + new FlowLogObjectName(ACCOUNT, "us-east-1", "fl-late", lateStamp).fileName("beef");
      long recordStart = w0.getEpochSecond() + 100;
      String lateLine =
          "2 "
              + ACCOUNT
              + " eni-late 10.9.9.9 10.8.8.8 40000 443 6 3 300 "
              + recordStart
              + " "
              + (recordStart + 5)
              + " ACCEPT OK\n";
      client.putObject(
          b -> b.bucket("stream-logs").key(lateKey),
          RequestBody.fromBytes(Gzip.gzip(lateLine + lateLine)));
      Eventually.until(
          () -> WindowSummaries.lateOf(summary("stream/" + id0 + ".json")) == 2,
          wait,
          "two late records are counted in " + id0 + ".json");
      assertEquals(
          Gzip.gunzip(before),
          Gzip.gunzip(S3Fixture.get(client, "digests", "stream/" + id0 + ".log.gz")));

      // The status document next to the resume point tells the same story.
      Eventually.until(
          () -> exists("stream/stream/status.json") && status().lateRecords() == 2,
          wait,
          "the status counts the two late records");
      StreamStatus status = status();
      Instant lastStamp =
          objects.stream().map(LogObject::stamp).max(Instant::compareTo).orElseThrow();
      assertEquals(lateKey, status.lastObject().key(), "the late object was read last");
      assertEquals(lastStamp.minus(Duration.ofMinutes(1)), status.watermark());
      assertEquals(objects.size() + 1, status.objectsRead());
      assertEquals(3, status.windowsClosed());
      assertEquals(w0.plus(Duration.ofMinutes(10)), status.lastClosedWindow().start());
      assertEquals(
          w0.plus(Duration.ofMinutes(15)), status.openWindows().get(0).start(), "window 3 is open");
      assertTrue(status.openWindows().get(0).records() > 0);
    } finally {
      stream.cancel();
    }
  }

  private String summaryKey(Instant w0, int window) {
    return "stream/" + StreamFixture.id(w0, window) + ".json";
  }

  private boolean exists(String key) {
    return StreamFixture.exists(client, "digests", key);
  }

  private StreamStatus status() {
    try {
      return StreamStatusJson.read(
          new String(
              S3Fixture.get(client, "digests", "stream/stream/status.json"),
              StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private DigestSummary summary(String key) {
    try {
      return DigestSummaryJson.read(
          new String(S3Fixture.get(client, "digests", key), StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
