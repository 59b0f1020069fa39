package io.vpcflow.digesterd.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.GatedBuilder;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.apitesting.Summaries;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.launch.PipelineDigestBuilder;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.service.DigesterdService;
import io.vpcflow.digesterd.stream.StatusEvent;
import io.vpcflow.digesterd.stream.StreamStatus;
import io.vpcflow.digesterd.stream.StreamStatusJson;
import io.vpcflow.digesterd.stream.StreamWindows;
import io.vpcflow.digesterd.testing.Eventually;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.HandFixture;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The API end to end: real HTTP on a free port, real S3 protocol (s3proxy), the real pipeline on
 * the DirectRunner, the standalone queue. One server for the class; each test starts from a window
 * with no digest and no marker.
 */
class DigestApiTest {
  private static final String WINDOW = Api.window(HandFixture.START, HandFixture.STOP);
  private static final DigestWindow HAND = DigestWindow.parse(HandFixture.START, HandFixture.STOP);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final StreamWindows WINDOWS =
      new StreamWindows(Duration.ofMinutes(5), Duration.ofMinutes(2));

  private static EmbeddedS3Server s3;
  private static S3Client client;
  private static GatedBuilder builder;
  private static DigesterdService service;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    s3 = EmbeddedS3Server.inMemory();
    client = S3Fixture.client(s3);
    S3Fixture.createBuckets(client, "hand-logs", ServerEnv.DIGESTS, ServerEnv.PROGRESS);
    HandFixture.write(new S3ObjectSink(client, "hand-logs", ""));
    ServiceConfig config =
        ServiceConfig.forServer(
            ServerEnv.of(s3, "hand-logs", Map.of("DIGEST_PROGRESS_TIMEOUT", "60000")));
    builder = new GatedBuilder(new PipelineDigestBuilder(config, List.of()));
    service =
        DigesterdService.builder(config)
            .digestBuilder(builder)
            .shutdownGrace(Duration.ofSeconds(5))
            .start();
    api = new Api(service.uri());
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
    client.close();
    s3.close();
  }

  @BeforeEach
  void noDigestNoMarker() throws InterruptedException {
    builder.open();
    builder.awaitIdle(Duration.ofMinutes(1), Duration.ofMillis(300));
    String id = HandFixture.DIGEST_ID;
    client.deleteObject(b -> b.bucket(ServerEnv.DIGESTS).key(id + ".log.gz"));
    client.deleteObject(b -> b.bucket(ServerEnv.DIGESTS).key(id + ".json"));
    client.deleteObject(b -> b.bucket(ServerEnv.PROGRESS).key(id + "_in_progress"));
    builder.resetCount();
  }

  @AfterEach
  void openTheGate() {
    builder.open();
  }

  @Test
  void postQueuesThenGetAnswers204WhileInProgressThen200WithTheExactDigest() throws Exception {
    builder.close();
    HttpResponse<byte[]> created = api.post("/" + WINDOW);
    assertEquals(202, created.statusCode(), Api.text(created));
    assertEquals("application/json", Api.contentType(created));
    assertEquals(HandFixture.DIGEST_ID, JSON.readTree(created.body()).get("id").asText());

    assertEquals(204, api.get("/" + WINDOW).statusCode());
    String state = status().get("state").asText();
    assertTrue(state.equals("queued") || state.equals("running"), state);
    HttpResponse<byte[]> again = api.post("/" + WINDOW);
    assertEquals(409, again.statusCode());
    assertTrue(
        message(again).contains("is " + state) || message(again).contains("is running"),
        message(again));

    builder.open();
    HttpResponse<byte[]> digest = api.awaitNot204("/" + WINDOW, Duration.ofMinutes(2));
    assertEquals(200, digest.statusCode(), Api.text(digest));
    assertEquals("application/octet-stream", Api.contentType(digest));
    assertEquals(HandFixture.EXPECTED_DIGEST, Gzip.gunzip(digest.body()));

    HttpResponse<byte[]> exists = api.post("/" + WINDOW);
    assertEquals(409, exists.statusCode());
    assertTrue(message(exists).contains("already exists"), message(exists));
    JsonNode done = status();
    assertEquals("done", done.get("state").asText());
    assertEquals(4, done.get("summary").get("keys").asLong());
    assertEquals(6, done.get("summary").get("records").get("digested").asLong());
    assertEquals(100.0, done.get("progress").get("percent").asDouble());
    assertEquals(1, done.get("attempt").asInt());
    assertEquals(1, builder.builds());
  }

  @Test
  void badParametersAre400WithAJsonMessageNamingTheParameter() throws Exception {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("?stop=2019-01-01T01:00:00Z", "'start'");
    cases.put("?start=2019-01-01T00:00:00Z", "'stop'");
    cases.put(Api.window("yesterday", "2019-01-01T01:00:00Z"), "'start'");
    cases.put(Api.window("2019-01-01T00:00:00Z", "2019-01-01 01:00"), "'stop'");
    cases.put(
        Api.window("2019-01-01T00:00:10Z", "2019-01-01T00:00:50Z"),
        "start (2019-01-01T00:00:00Z) must be before stop");
    cases.put(Api.window("2019-01-01T02:00:00Z", "2019-01-01T01:00:00Z"), "must be before stop");
    cases.put(
        Api.window("2019-01-01T00:00:00Z", "2019-01-02T00:01:00Z"),
        "longer than the maximum of PT24H");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      for (HttpResponse<byte[]> response :
          List.of(
              api.post("/" + c.getKey()),
              api.get("/" + c.getKey()),
              api.get("/status" + c.getKey()))) {
        assertEquals(400, response.statusCode(), c.getKey());
        assertEquals("application/json", Api.contentType(response));
        assertTrue(
            message(response).contains(c.getValue()), c.getKey() + " -> " + message(response));
      }
    }
    assertEquals(0, builder.builds());
  }

  @Test
  void anOffsetSentWithoutUrlEncodingIsStillRead() throws Exception {
    // A window no other test of this class requests, so that no background build can touch it.
    HttpResponse<byte[]> response =
        api.get("/status?start=2019-01-02T01:00:00+01:00&stop=2019-01-02T03:00:00+02:00");
    assertEquals(200, response.statusCode(), Api.text(response));
    assertEquals(
        DigestWindow.parse("2019-01-02T00:00:00Z", "2019-01-02T01:00:00Z").digestId().toString(),
        JSON.readTree(response.body()).get("id").asText());
    assertEquals("absent", JSON.readTree(response.body()).get("state").asText());
  }

  @Test
  void statusWithoutAWindowShowsWhatTheStreamLastWrote() throws Exception {
    HttpResponse<byte[]> none = api.get("/status");
    assertEquals(200, none.statusCode(), Api.text(none));
    assertEquals("application/json", Api.contentType(none));
    JsonNode nothing = JSON.readTree(none.body()).get("stream");
    assertEquals(false, nothing.get("reported").asBoolean());
    assertEquals(
        "s3://" + ServerEnv.PROGRESS + "/stream/status.json", nothing.get("location").asText());
    assertTrue(
        nothing.get("message").asText().startsWith("no stream has written its status here"),
        nothing.toString());

    Instant written = Instant.now().minusSeconds(3);
    StreamStatus stored =
        StreamStatus.started(written.minusSeconds(60))
            .with(
                StatusEvent.objectRead(
                    "AWSLogs/k.log.gz",
                    Instant.parse("2019-01-01T00:07:00Z"),
                    Instant.parse("2019-01-01T00:06:00Z")),
                WINDOWS)
            .with(
                StatusEvent.partTaken(
                    Instant.parse("2019-01-01T00:05:00Z").getEpochSecond(), 1, 42),
                WINDOWS)
            .with(
                StatusEvent.partLate(Instant.parse("2019-01-01T00:00:00Z").getEpochSecond(), 2),
                WINDOWS)
            .updated(written);
    client.putObject(
        b -> b.bucket(ServerEnv.PROGRESS).key("stream/status.json"),
        RequestBody.fromString(StreamStatusJson.write(stored)));
    try {
      JsonNode stream = JSON.readTree(api.get("/status").body()).get("stream");
      assertEquals(true, stream.get("reported").asBoolean());
      assertTrue(stream.get("ageMillis").asLong() >= 3000, stream.toString());
      assertEquals("AWSLogs/k.log.gz", stream.get("lastObject").get("key").asText());
      assertEquals("2019-01-01T00:06:00Z", stream.get("watermark").asText());
      assertEquals("2019-01-01T00:05:00Z", stream.get("openWindows").get(0).get("start").asText());
      assertEquals(42, stream.get("openWindows").get(0).get("records").asLong());
      assertEquals(2, stream.get("lateRecords").asLong());
      assertEquals(stored.updatedAt().toString(), stream.get("updatedAt").asText());
      assertEquals(false, stream.has("message"));

      client.putObject(
          b -> b.bucket(ServerEnv.PROGRESS).key("stream/status.json"),
          RequestBody.fromString("not json"));
      HttpResponse<byte[]> unreadable = api.get("/status");
      assertEquals(503, unreadable.statusCode());
      assertTrue(message(unreadable).contains("is not a stream status"), message(unreadable));
    } finally {
      client.deleteObject(b -> b.bucket(ServerEnv.PROGRESS).key("stream/status.json"));
    }
    HttpResponse<byte[]> badQuery = api.get("/status?x=%FF");
    assertEquals(400, badQuery.statusCode());
    assertTrue(message(badQuery).contains("query"), message(badQuery));
  }

  @Test
  void getOfAWindowNeverRequestedIs404() throws Exception {
    HttpResponse<byte[]> response = api.get("/" + WINDOW);
    assertEquals(404, response.statusCode());
    assertTrue(message(response).contains("never requested"), message(response));
  }

  @Test
  void thirtyTwoConcurrentPostsOfOneWindowQueueItOnceAndRunOnePipeline() throws Exception {
    builder.close();
    int n = 32;
    ExecutorService threads = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        answers.add(
            threads.submit(
                () -> {
                  go.await();
                  return api.post("/" + WINDOW).statusCode();
                }));
      }
      go.countDown();
      int accepted = 0;
      int conflicts = 0;
      for (Future<Integer> answer : answers) {
        int status = answer.get();
        accepted += status == 202 ? 1 : 0;
        conflicts += status == 409 ? 1 : 0;
      }
      assertEquals(1, accepted);
      assertEquals(n - 1, conflicts);
    } finally {
      threads.shutdownNow();
    }
    builder.open();
    assertEquals(200, api.awaitNot204("/" + WINDOW, Duration.ofMinutes(2)).statusCode());
    assertEquals(1, builder.builds());
  }

  @Test
  void aFreshMarkerOfAnotherProcessMeansInProgress() throws Exception {
    putMarker("running", "other-node/1/abc", Instant.now());
    assertEquals(204, api.get("/" + WINDOW).statusCode());
    HttpResponse<byte[]> post = api.post("/" + WINDOW);
    assertEquals(409, post.statusCode());
    assertTrue(message(post).contains("other-node/1/abc"), message(post));
    assertEquals("running", status().get("state").asText());
    assertEquals(0, builder.builds());
  }

  @Test
  void aStaleMarkerIsReportedFailedAndTheNextPostTakesItOver() throws Exception {
    putMarker("running", "dead-node/1/abc", Instant.now().minus(Duration.ofHours(1)));
    HttpResponse<byte[]> stalled = api.get("/" + WINDOW);
    assertEquals(424, stalled.statusCode());
    assertTrue(
        message(stalled).contains("stalled") && message(stalled).contains("dead-node"),
        message(stalled));
    assertEquals("failed", status().get("state").asText());

    HttpResponse<byte[]> retry = api.post("/" + WINDOW);
    assertEquals(202, retry.statusCode(), Api.text(retry));
    assertTrue(message(retry).contains("attempt 2"), message(retry));
    HttpResponse<byte[]> digest = api.awaitNot204("/" + WINDOW, Duration.ofMinutes(2));
    assertEquals(200, digest.statusCode(), Api.text(digest));
    assertEquals(HandFixture.EXPECTED_DIGEST, Gzip.gunzip(digest.body()));
    JsonNode marker = markerOnceEnded();
    assertEquals("done", marker.get("state").asText());
    assertEquals(2, marker.get("attempt").asInt());
    assertEquals(1, builder.builds());
  }

  @Test
  void aStoredDigestWinsOverALeftoverMarker() throws Exception {
    byte[] gzip = Gzip.gzip(HandFixture.EXPECTED_DIGEST);
    client.putObject(
        b -> b.bucket(ServerEnv.DIGESTS).key(HandFixture.DIGEST_ID + ".log.gz"),
        RequestBody.fromBytes(gzip));
    client.putObject(
        b -> b.bucket(ServerEnv.DIGESTS).key(HandFixture.DIGEST_ID + ".json"),
        RequestBody.fromString(DigestSummaryJson.write(Summaries.of(HAND, 4, gzip.length))));
    putMarker("running", "other-node/1/abc", Instant.now());

    HttpResponse<byte[]> digest = api.get("/" + WINDOW);
    assertEquals(200, digest.statusCode());
    assertArrayEquals(gzip, digest.body());
    HttpResponse<byte[]> post = api.post("/" + WINDOW);
    assertEquals(409, post.statusCode());
    assertTrue(message(post).contains("already exists"), message(post));
    assertEquals("done", status().get("state").asText());
  }

  @Test
  void theWorkerRouteValidatesTheJobAndBuildsItOffTheRequestThread() throws Exception {
    String start = HandFixture.START;
    String stop = HandFixture.STOP;
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("not json", "body");
    bad.put("{\"start\":\"" + start + "\",\"stop\":\"" + stop + "\"}", "'id'");
    bad.put(
        "{\"id\":\""
            + UUID.randomUUID()
            + "\",\"start\":\""
            + start
            + "\",\"stop\":\""
            + stop
            + "\"}",
        "'id'");
    bad.put(
        "{\"id\":\"" + HandFixture.DIGEST_ID + "\",\"start\":\"soon\",\"stop\":\"" + stop + "\"}",
        "'start'");
    bad.put("{\"id\":\"" + HandFixture.DIGEST_ID + "\",\"start\":\"" + start + "\"}", "'stop'");
    for (Map.Entry<String, String> c : bad.entrySet()) {
      HttpResponse<byte[]> response = api.postJson("/digests/event", c.getKey());
      assertEquals(400, response.statusCode(), c.getKey());
      assertTrue(message(response).contains(c.getValue()), c.getKey() + " -> " + message(response));
    }

    builder.close();
    String job =
        "{\"id\":\""
            + HandFixture.DIGEST_ID
            + "\",\"start\":\""
            + start
            + "\",\"stop\":\""
            + stop
            + "\"}";
    HttpResponse<byte[]> accepted = api.postJson("/digests/event", job);
    assertEquals(202, accepted.statusCode(), Api.text(accepted));
    awaitState("running");
    assertEquals(204, api.get("/" + WINDOW).statusCode());
    builder.open();
    HttpResponse<byte[]> digest = api.awaitNot204("/" + WINDOW, Duration.ofMinutes(2));
    assertEquals(200, digest.statusCode(), Api.text(digest));
    assertEquals(HandFixture.EXPECTED_DIGEST, Gzip.gunzip(digest.body()));
    assertEquals(1, builder.builds());
  }

  @Test
  void healthcheckApiDescriptionAndUnknownRoutesAnswerWithAContentType() throws Exception {
    HttpResponse<byte[]> health = api.get("/healthcheck");
    assertEquals(200, health.statusCode());
    assertEquals("application/json", Api.contentType(health));
    HttpResponse<byte[]> yaml = api.get("/api.yaml");
    assertEquals(200, yaml.statusCode());
    assertEquals("application/yaml", Api.contentType(yaml));
    assertTrue(Api.text(yaml).startsWith("openapi: 3"), Api.text(yaml));
    for (String path : List.of("/status", "/healthcheck", "/{topic}/{event}", "/api.yaml")) {
      assertTrue(Api.text(yaml).contains("\n  " + path + ":"), "api.yaml describes " + path);
    }
    HttpResponse<byte[]> unknown = api.get("/no/such/route");
    assertEquals(404, unknown.statusCode());
    assertEquals("application/json", Api.contentType(unknown));
    assertTrue(message(unknown).contains("GET /no/such/route"), message(unknown));
  }

  private static JsonNode status() throws Exception {
    HttpResponse<byte[]> response = api.get("/status" + WINDOW);
    assertEquals(200, response.statusCode(), Api.text(response));
    assertEquals("application/json", Api.contentType(response));
    return JSON.readTree(response.body());
  }

  /**
   * The marker in the bucket, once the launcher has recorded the end (just after the digest is
   * stored).
   */
  private static JsonNode markerOnceEnded() throws Exception {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    Eventually.until(
        () -> {
          last.set(marker());
          return !last.get().get("state").asText().equals("running");
        },
        Duration.ofSeconds(30),
        "the marker is no longer running");
    return last.get();
  }

  /** The marker in the bucket. */
  private static JsonNode marker() {
    try {
      return JSON.readTree(
          S3Fixture.get(client, ServerEnv.PROGRESS, HandFixture.DIGEST_ID + "_in_progress"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void awaitState(String state) throws Exception {
    Eventually.until(
        () -> state.equals(state()), Duration.ofSeconds(30), "the status says " + state);
    assertEquals(state, status().get("state").asText());
  }

  /** The state in {@link #status}. */
  private static String state() {
    try {
      return status().get("state").asText();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String message(HttpResponse<byte[]> response) throws Exception {
    return JSON.readTree(response.body()).get("message").asText();
  }

  private static void putMarker(String state, String owner, Instant updated) {
    String body =
        "{\"id\":\""
            + HandFixture.DIGEST_ID
            + "\",\"state\":\""
            + state
            + "\",\"attempt\":1,\"owner\":\""
            + owner
            + "\",\"startedAt\":\""
            + updated
            + "\",\"updatedAt\":\""
            + updated
            + "\"}";
    client.putObject(
        b -> b.bucket(ServerEnv.PROGRESS).key(HandFixture.DIGEST_ID + "_in_progress"),
        RequestBody.fromString(body, StandardCharsets.UTF_8));
  }
}
