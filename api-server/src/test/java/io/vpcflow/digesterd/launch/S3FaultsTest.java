package io.vpcflow.digesterd.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.GatedBuilder;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.sample.SampleFlowLogs;
import io.vpcflow.digesterd.sample.SampleSpec;
import io.vpcflow.digesterd.service.DigesterdService;
import io.vpcflow.digesterd.testing.Eventually;
import io.vpcflow.digesterd.testing.FaultProxy;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.HandFixture;
import io.vpcflow.digesterd.testing.OracleDigest;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The server and its pipeline against an S3 server behind a {@link FaultProxy}: S3 down when a
 * request arrives, in the middle of reading and while the digest is written; slow answers and
 * throttling. Retries are bounded (3 attempts, waits up to 0.5 s, 2 s socket timeout); a digest
 * either completes exactly or ends failed with the reason, never half-written, and a new POST after
 * S3 returns completes it.
 */
class S3FaultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOGS = "flowlogs";
  private static final Instant DAY = Instant.parse("2024-03-01T00:00:00Z");

  private static EmbeddedS3Server s3;
  private static S3Client client;
  private static final List<String> texts = new ArrayList<>();

  private FaultProxy proxy;
  private DigesterdService service;
  private GatedBuilder gate;
  private Api api;

  @BeforeAll
  static void data() throws Exception {
    s3 = EmbeddedS3Server.inMemory();
    client = S3Fixture.client(s3);
    S3Fixture.createBuckets(client, LOGS, ServerEnv.DIGESTS, ServerEnv.PROGRESS);
    HandFixture.write(new S3ObjectSink(client, LOGS, ""));
    S3ObjectSink upload = new S3ObjectSink(client, LOGS, "");
    SampleSpec spec =
        new SampleSpec(
            DAY,
            Duration.ofHours(5),
            Duration.ofMinutes(5),
            List.of("111111111111", "222222222222"),
            List.of("us-east-1", "eu-west-1"),
            100,
            500,
            List.of(KeyLayout.PLAIN, KeyLayout.HIVE),
            false,
            5);
    SampleFlowLogs.generate(
        spec,
        (key, bytes) -> {
          texts.add(Gzip.gunzip(bytes));
          upload.put(key, bytes);
        });
  }

  @AfterAll
  static void stopS3() throws Exception {
    client.close();
    s3.close();
  }

  @BeforeEach
  void start() throws Exception {
    proxy = FaultProxy.start(s3.endpoint());
    Map<String, String> env = new HashMap<>(ServerEnv.of(s3, LOGS, Map.of()));
    env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
    env.put("AWS_MAX_ATTEMPTS", "3");
    env.put("DIGEST_S3_MAX_BACKOFF", "PT0.5S");
    env.put("DIGEST_S3_SOCKET_TIMEOUT", "PT2S");
    env.put("DIGEST_S3_CONNECT_TIMEOUT", "PT1S");
    env.put("RUNTIME_LOGGER_OUTPUT", "NULL");
    ServiceConfig config = ServiceConfig.forServer(env);
    gate = new GatedBuilder(new PipelineDigestBuilder(config, List.of()));
    service = DigesterdService.builder(config).digestBuilder(gate).start();
    api = new Api(service.uri());
  }

  @AfterEach
  void stop() throws Exception {
    gate.open();
    proxy.up();
    service.close();
    proxy.close();
  }

  private static DigestWindow hour(int h) {
    return new DigestWindow(DAY.plus(Duration.ofHours(h)), DAY.plus(Duration.ofHours(h + 1)));
  }

  private static String query(DigestWindow window) {
    return Api.window(window.start().toString(), window.stop().toString());
  }

  private static String expected(DigestWindow window) {
    OracleDigest oracle = new OracleDigest(window.startEpochSecond(), window.stopEpochSecond());
    texts.forEach(oracle::add);
    return oracle.text();
  }

  private JsonNode status(DigestWindow window) throws Exception {
    return JSON.readTree(api.get("/status" + query(window)).body());
  }

  private void awaitState(DigestWindow window, String state) throws Exception {
    until(
        window,
        () -> state.equals(statusNow(window).path("state").asText()),
        "the status says " + state);
  }

  /**
   * Waits a minute at most until {@code condition} holds; names the window's last status when it
   * does not.
   */
  private void until(DigestWindow window, BooleanSupplier condition, String what) throws Exception {
    try {
      Eventually.until(condition, Duration.ofMinutes(1), what);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last status: " + status(window), e);
    }
  }

  /** {@link #status} without checked exceptions, for conditions. */
  private JsonNode statusNow(DigestWindow window) {
    try {
      return status(window);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<S3Object> digestObjects(DigestWindow window) {
    return client
        .listObjectsV2(b -> b.bucket(ServerEnv.DIGESTS).prefix(window.digestId().toString()))
        .contents();
  }

  /** POSTs {@code window}, waits until its build is claimed, applies {@code fault}, lets it run. */
  private void runWithFault(DigestWindow window, Runnable fault) throws Exception {
    gate.close();
    assertEquals(202, api.post("/" + query(window)).statusCode());
    awaitState(window, "running");
    fault.run();
    gate.open();
  }

  /** The digest of {@code window} is served, exact. */
  private void servedExactly(DigestWindow window) throws Exception {
    HttpResponse<byte[]> digest = api.awaitNot204("/" + query(window), Duration.ofMinutes(2));
    assertEquals(200, digest.statusCode(), Api.text(digest));
    assertEquals(expected(window), Gzip.gunzip(digest.body()));
  }

  /** No digest object, and the summary (if S3 took it) records the failure. */
  private static void assertNoDigest(DigestWindow window) throws Exception {
    List<String> keys = digestObjects(window).stream().map(S3Object::key).toList();
    assertTrue(
        keys.stream().noneMatch(k -> k.endsWith(".log.gz")),
        "no digest object after the failure: " + keys);
    if (keys.contains(window.digestId() + ".json")) {
      JsonNode summary =
          JSON.readTree(S3Fixture.get(client, ServerEnv.DIGESTS, window.digestId() + ".json"));
      assertEquals("failed", summary.get("state").asText(), summary.toString());
    }
  }

  /** After the fault: a new POST builds the exact digest. */
  private void retriedDigestIsExact(DigestWindow window) throws Exception {
    assertEquals(202, api.post("/" + query(window)).statusCode());
    servedExactly(window);
  }

  @Test
  void s3DownWhenARequestArrivesAnswers503AndTheWindowBuildsOnceS3IsBack() throws Exception {
    String window = Api.window(HandFixture.START, HandFixture.STOP);
    proxy.down();
    HttpResponse<byte[]> refused = api.post("/" + window);
    assertEquals(503, refused.statusCode(), Api.text(refused));
    System.out.println("S3FaultsTest down at request: POST answered 503 " + Api.text(refused));
    assertTrue(JSON.readTree(refused.body()).get("message").asText().length() > 0);
    assertEquals(503, api.get("/" + window).statusCode());
    proxy.up();
    assertEquals(202, api.post("/" + window).statusCode());
    HttpResponse<byte[]> digest = api.awaitNot204("/" + window, Duration.ofMinutes(1));
    assertEquals(200, digest.statusCode(), Api.text(digest));
    assertEquals(HandFixture.EXPECTED_DIGEST, Gzip.gunzip(digest.body()));
  }

  @Test
  void s3DownInTheMiddleOfReadingFailsTheDigestWithItsReasonAndLeavesNoDigest() throws Exception {
    DigestWindow window = hour(1);
    proxy.delayNext(Integer.MAX_VALUE, Duration.ofMillis(40));
    assertEquals(202, api.post("/" + query(window)).statusCode());
    until(
        window,
        () -> statusNow(window).path("progress").path("objectsDone").asLong() >= 2,
        "reading started");
    proxy.down();
    Thread.sleep(4000);
    proxy.up();

    HttpResponse<byte[]> failed = api.awaitNot204("/" + query(window), Duration.ofMinutes(1));
    assertEquals(424, failed.statusCode(), Api.text(failed));
    JsonNode status = status(window);
    assertEquals("failed", status.get("state").asText());
    assertFalse(status.get("reason").asText().isBlank(), status.toString());
    System.out.println(
        "S3FaultsTest down mid-read: failed with reason: " + status.get("reason").asText());
    assertNoDigest(window);
    retriedDigestIsExact(window);
  }

  @Test
  void s3FailingWritesFailTheDigestWithItsReasonAndLeaveNoDigest() throws Exception {
    DigestWindow window = hour(2);
    runWithFault(window, proxy::failWrites);
    Eventually.until(() -> proxy.refused() > 0, Duration.ofMinutes(1), "a write was tried");
    Thread.sleep(4000);
    proxy.up();

    HttpResponse<byte[]> failed = api.awaitNot204("/" + query(window), Duration.ofMinutes(1));
    assertEquals(424, failed.statusCode(), Api.text(failed));
    assertFalse(status(window).get("reason").asText().isBlank());
    System.out.println(
        "S3FaultsTest failing writes: failed with reason: "
            + status(window).get("reason").asText());
    assertNoDigest(window);
    retriedDigestIsExact(window);
  }

  @Test
  void slowAnswersTimeOutAndAreRetriedAndTheDigestCompletes() throws Exception {
    DigestWindow window = hour(3);
    runWithFault(window, () -> proxy.delayNext(2, Duration.ofSeconds(3)));
    servedExactly(window);
    assertEquals(2, proxy.delayed());
  }

  @Test
  void throttlingAnswersAreRetriedWithBackoffAndTheDigestCompletes() throws Exception {
    DigestWindow window = hour(0);
    runWithFault(window, () -> proxy.throttleNext(2));
    servedExactly(window);
    assertEquals(2, proxy.throttled());
  }
}
