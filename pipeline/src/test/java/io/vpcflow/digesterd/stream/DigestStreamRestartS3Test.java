package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.stream.StreamFixture.LogObject;
import io.vpcflow.digesterd.testing.CountingReads;
import io.vpcflow.digesterd.testing.Eventually;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Kill and restart, against s3proxy: a stream digests window 0 of three 5-minute windows and is
 * cancelled while windows 1 and 2 are open, with the objects of window 1 read and their parts
 * saved. The stream reads objects in batches (a bundle's objects; the DirectRunner spreads them
 * over several keys, so there are several), each with one read record: the batch that read the
 * object stamped w0+7m is then put in the state of a crash between saving its parts and recording
 * its read (its read record deleted). A second stream with the same options starts from the stored
 * resume point: it restores the saved parts of the other batches instead of reading their objects
 * again, reads the crashed batch's objects that it lists again (its saved parts are ignored, so
 * they are not counted twice) and the new objects, and writes windows 1 and 2 once each. Counted by
 * the S3 server: every object is read exactly once over both runs, but those, twice. Every window's
 * digest is byte-identical to the batch digest, window 0's objects are not rewritten, and the saved
 * parts of the closed windows and the read records no restart needs are deleted.
 */
class DigestStreamRestartS3Test {
  private static final String ACCOUNT = "222222222222";
  private static final String STORAGE = "restart/";
  private static final String FOLDER = STORAGE + "stream/";
  private static final CountingReads.Counts READS = new CountingReads.Counts();

  private static EmbeddedS3Server server;
  private static S3Client client;

  @BeforeAll
  static void startServer() throws Exception {
    server = EmbeddedS3Server.inMemory(READS.middleware());
    client = S3Fixture.client(server);
    S3Fixture.createBuckets(client, "restart-logs", "digests");
  }

  @AfterAll
  static void stopServer() throws Exception {
    client.close();
    server.close();
  }

  @Test
  void aRestartedStreamReadsNoObjectAgainAndWritesEachWindowOnce() throws Exception {
    Instant w0 = StreamFixture.firstWindow();
    List<LogObject> objects = StreamFixture.objects(w0, ACCOUNT, 17);
    Instant killedAfter = w0.plus(Duration.ofMinutes(10));
    Instant resumePoint = w0.plus(Duration.ofMinutes(5));
    Instant listedAgainFrom = resumePoint.minus(Duration.ofMinutes(1));
    List<LogObject> firstRun =
        objects.stream().filter(o -> !o.stamp().isAfter(killedAfter)).toList();
    List<LogObject> secondRun =
        objects.stream().filter(o -> o.stamp().isAfter(killedAfter)).toList();
    LogObject crashed =
        firstRun.stream()
            .filter(o -> o.stamp().equals(w0.plus(Duration.ofMinutes(7))))
            .findFirst()
            .orElseThrow();

    // Each run's objects land before it starts: a poll lists the regions one after the other, so
    // objects landing during a poll could be seen for one region and not yet for the other, and
    // the watermark of the later region's stamps would make the earlier one's records late.
    land(firstRun);
    PipelineResult first = DigestStream.run(options(w0));
    try {
      String stateKey = FOLDER + "state.json";
      Eventually.until(
          () ->
              exists(summaryKey(w0, 0))
                  && ResumePoint.parse(text(stateKey)).window().equals(resumePoint),
          Duration.ofSeconds(60),
          "window 0 is digested and the resume point is stored after it");
      Set<String> listedAgain =
          firstRun.stream()
              .filter(o -> !o.stamp().isBefore(listedAgainFrom))
              .map(LogObject::key)
              .collect(Collectors.toSet());
      Eventually.until(
          () -> batches().values().stream().flatMap(List::stream).toList().containsAll(listedAgain),
          Duration.ofSeconds(30),
          "the reads of the objects listed again are recorded");
      assertFalse(exists(summaryKey(w0, 1)), "window 1 is still open when the stream is killed");
    } finally {
      first.cancel();
    }
    assertEquals(
        StreamFixture.readOnce(firstRun),
        READS.snapshot(),
        "the first run read each of its objects once");
    assertTrue(partsOf(w0, 0).isEmpty(), "window 0's parts were deleted once it was written");
    Map<String, List<String>> batches = batches();
    String crashedRecord =
        batches.entrySet().stream()
            .filter(b -> b.getValue().contains(crashed.key()))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    String crashedBatch = SavedParts.parseRead(crashedRecord).orElseThrow().batchId();
    List<LogObject> readAgain =
        firstRun.stream()
            .filter(o -> batches.get(crashedRecord).contains(o.key()))
            .filter(o -> !o.stamp().isBefore(listedAgainFrom))
            .toList();
    assertTrue(
        exists(
            FOLDER
                + SavedParts.partName(
                    w0.plus(Duration.ofMinutes(5)).getEpochSecond(), crashedBatch)),
        "window 1 has a saved part of the crashed batch");
    client.deleteObject(b -> b.bucket("digests").key(FOLDER + SavedParts.READ + crashedRecord));
    List<String> saved = new ArrayList<>(partsOf(w0, 1));
    saved.addAll(partsOf(w0, 2));
    long restorable = saved.stream().filter(k -> !k.contains(crashedBatch)).count();
    assertTrue(
        restorable >= 1 && restorable < saved.size(),
        "parts of other batches and of the crashed one saved for windows 1 and 2: " + saved);
    HeadObjectResponse digest0 = head(digestKey(w0, 0));
    HeadObjectResponse summary0 = head(summaryKey(w0, 0));

    StreamOptions again = options(w0);
    again.setStreamFrom("");
    land(secondRun);
    PipelineResult second = DigestStream.run(again);
    Map<String, Integer> expectedReads = StreamFixture.readOnce(objects);
    readAgain.forEach(o -> expectedReads.put(o.key(), 2));
    try {
      for (int window = 1; window < 3; window++) {
        String key = summaryKey(w0, window);
        Eventually.until(
            () -> exists(key), Duration.ofSeconds(60), "the summary " + key + " is stored");
      }
      Eventually.until(
          () -> READS.snapshot().equals(expectedReads),
          Duration.ofSeconds(30),
          "every object is read once over both runs, the crashed batch's listed again twice");
      long takenOver =
          firstRun.stream()
              .filter(o -> !o.stamp().isBefore(listedAgainFrom) && !readAgain.contains(o))
              .count();
      Eventually.until(
          () ->
              StreamFixture.counter(second, "objects-already-read") == takenOver
                  && StreamFixture.counter(second, "objects-read")
                      == secondRun.size() + readAgain.size()
                  && StreamFixture.counter(second, "parts-restored") == restorable
                  && StreamFixture.counter(second, "windows-written") >= 2,
          Duration.ofSeconds(30),
          "the counters of the second run are committed");
      assertTrue(takenOver >= 1, "objects read before the kill and listed again: " + takenOver);
      assertEquals(
          2, StreamFixture.counter(second, "windows-written"), "windows 1 and 2, each once");
      assertEquals(0, StreamFixture.counter(second, "windows-already-digested"));
      Eventually.until(
          () ->
              ResumePoint.parse(text(FOLDER + "state.json"))
                  .window()
                  .equals(w0.plus(Duration.ofMinutes(15))),
          Duration.ofSeconds(10),
          "the resume point moves past windows 1 and 2");
      Instant stillNeededFrom = w0.plus(Duration.ofMinutes(14));
      Eventually.until(
          () ->
              partsOf(w0, 1).isEmpty()
                  && partsOf(w0, 2).isEmpty()
                  && readRecords().stream().allMatch(r -> !r.stamp().isBefore(stillNeededFrom)),
          Duration.ofSeconds(10),
          "the parts of windows 1 and 2 and the read records stamped before w0+14m are deleted");
      assertFalse(readRecords().isEmpty(), "the read records a restart from w0+15m needs are kept");
    } finally {
      second.cancel();
    }
    assertEquals(expectedReads, READS.snapshot());

    assertEquals(digest0.eTag(), head(digestKey(w0, 0)).eTag());
    assertEquals(
        digest0.lastModified(), head(digestKey(w0, 0)).lastModified(), "window 0 is not rewritten");
    assertEquals(summary0.lastModified(), head(summaryKey(w0, 0)).lastModified());
    assertFalse(exists(summaryKey(w0, 3)), "window 3 never closed");
    assertEquals(
        0, WindowSummaries.lateOf(summary(summaryKey(w0, 0))), "no record of window 0 came late");
    for (int window = 0; window < 3; window++) {
      StreamFixture.batchDigest(server, "restart-logs", "digests", w0, window);
      String id = StreamFixture.id(w0, window);
      assertEquals(
          Gzip.gunzip(S3Fixture.get(client, "digests", "batch/" + id + ".log.gz")),
          Gzip.gunzip(S3Fixture.get(client, "digests", digestKey(w0, window))),
          "window " + window);
    }
  }

  /** The saved parts of window {@code window}. */
  private static List<String> partsOf(Instant w0, int window) {
    String prefix =
        FOLDER
            + SavedParts.windowPartsPrefix(
                w0.plus(Duration.ofMinutes(5L * window)).getEpochSecond());
    return client.listObjectsV2(b -> b.bucket("digests").prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  /**
   * The read records in the folder: file name (in {@code read/}) to the keys it holds. A running
   * stream deletes the records before its resume point once it stores the point; one deleted
   * between the listing and its reading is left out.
   */
  private static Map<String, List<String>> batches() {
    Map<String, List<String>> batches = new LinkedHashMap<>();
    for (S3Object o :
        client
            .listObjectsV2(b -> b.bucket("digests").prefix(FOLDER + SavedParts.READ))
            .contents()) {
      try {
        batches.put(
            o.key().substring(o.key().lastIndexOf('/') + 1),
            SavedParts.keysOf(S3Fixture.get(client, "digests", o.key())));
      } catch (NoSuchKeyException deleted) {
        continue;
      }
    }
    return batches;
  }

  private static List<SavedParts.ReadName> readRecords() {
    return client
        .listObjectsV2(b -> b.bucket("digests").prefix(FOLDER + SavedParts.READ))
        .contents()
        .stream()
        .map(o -> SavedParts.parseRead(o.key().substring(o.key().lastIndexOf('/') + 1)))
        .flatMap(Optional::stream)
        .toList();
  }

  private static StreamOptions options(Instant w0) {
    return StreamFixture.options(server, "restart-logs", "s3://digests/" + STORAGE, w0);
  }

  /** Lands {@code objects} in the order of their stamps, so that none of them is late. */
  private static void land(List<LogObject> objects) {
    for (LogObject o : objects.stream().sorted(Comparator.comparing(LogObject::stamp)).toList()) {
      client.putObject(
          b -> b.bucket("restart-logs").key(o.key()), RequestBody.fromBytes(o.bytes()));
    }
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
