package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.layout.FlowLogObjectName;
import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.sample.SampleFlowLogs;
import io.vpcflow.digesterd.sample.SampleSpec;
import io.vpcflow.digesterd.service.DigesterdService;
import io.vpcflow.digesterd.testing.Eventually;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.OracleDigest;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code serve} with {@code DIGEST_STREAMING=true}: the API and the stream in one process. While
 * objects land in two rounds, {@code GET /status} (no window) shows the stream: nothing reported
 * before it starts, then the last object read, a watermark that advances with the objects, the open
 * window with its objects and records, the closed window, and a record later than the allowed
 * lateness counted as late. A window the stream closed answers {@code GET} 200 without any POST,
 * with the exact digest, and a later POST of it answers 409.
 */
class ServeStreamingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCOUNT = "777777777777";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private record LogObject(String key, byte[] bytes, Instant stamp) {}

  @Test
  void statusShowsTheStreamAndAWindowItClosedIsServedWithoutAPost() throws Exception {
    long five = Duration.ofMinutes(5).getSeconds();
    Instant w0 =
        Instant.ofEpochSecond(Instant.now().getEpochSecond() / five * five)
            .minus(Duration.ofMinutes(30));
    DigestWindow first = new DigestWindow(w0, w0.plus(Duration.ofMinutes(5)));
    List<String> texts = new ArrayList<>();
    List<LogObject> objects = new ArrayList<>();
    try (EmbeddedS3Server s3 = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(s3)) {
      S3Fixture.createBuckets(client, "logs", ServerEnv.DIGESTS, ServerEnv.PROGRESS);
      S3ObjectSink upload = new S3ObjectSink(client, "logs", "");
      SampleFlowLogs.generate(
          new SampleSpec(
              w0.plus(Duration.ofMinutes(1)),
              Duration.ofMinutes(20),
              Duration.ofMinutes(1),
              List.of(ACCOUNT),
              List.of("us-east-1"),
              60,
              100,
              List.of(KeyLayout.PLAIN),
              false,
              21),
          (key, bytes) -> {
            texts.add(Gzip.gunzip(bytes));
            objects.add(
                new LogObject(
                    key, bytes, FlowLogObjectName.parseKey(key).orElseThrow().timestamp()));
          });
      Map<String, String> env = new HashMap<>(ServerEnv.of(s3, "logs", Map.of()));
      env.put("DIGEST_STREAMING", "true");
      env.put("DIGEST_STREAM_POLL", "PT0.5S");
      env.put("DIGEST_STREAM_WINDOW", "PT5M");
      env.put("DIGEST_STREAM_LATENESS", "PT2M");
      env.put("VPC_FLOW_LOGS_SLACK_BEFORE", "PT1M");
      env.put("VPC_FLOW_LOGS_SLACK_AFTER", "PT1M");
      env.put("RUNTIME_LOGGER_OUTPUT", "NULL");
      ServiceConfig config = ServiceConfig.forServer(env);
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      try (DigesterdService service = DigesterdService.builder(config).start()) {
        Api api = new Api(service.uri());
        JsonNode none = stream(api);
        assertFalse(none.get("reported").asBoolean(), none.toString());
        assertEquals(
            "s3://" + ServerEnv.PROGRESS + "/stream/status.json", none.get("location").asText());
        assertTrue(none.get("message").asText().contains("DIGEST_STREAMING"), none.toString());

        try (StreamRun stream =
            StreamRun.start(
                config,
                List.of("--streamFrom=" + w0, "--streamStatusEvery=PT0.5S"),
                new PrintStream(err, true, StandardCharsets.UTF_8))) {
          // Round 1: objects stamped up to w0+4m; window 0 (closing at w0+7m) is open.
          Instant round1 = w0.plus(Duration.ofMinutes(4));
          land(upload, objects, o -> !o.stamp().isAfter(round1));
          long landed1 = objects.stream().filter(o -> !o.stamp().isAfter(round1)).count();
          // The objects are read in parallel, so the latest one may be read before the others.
          JsonNode open =
              awaitStream(
                  api,
                  s ->
                      s.path("watermark")
                              .asText()
                              .equals(round1.minus(Duration.ofMinutes(1)).toString())
                          && s.path("objectsRead").asLong() == landed1,
                  "the watermark reaches w0+3m and every object landed is read");
          assertTrue(open.get("reported").asBoolean());
          assertTrue(open.get("ageMillis").asLong() >= 0);
          assertEquals(landed1, open.get("objectsRead").asLong());
          assertTrue(
              keys(objects).contains(open.get("lastObject").get("key").asText()), open.toString());
          JsonNode window0 = open.get("openWindows").get(0);
          assertEquals(w0.toString(), window0.get("start").asText());
          assertEquals(w0.plus(Duration.ofMinutes(5)).toString(), window0.get("stop").asText());
          assertEquals(w0.plus(Duration.ofMinutes(7)).toString(), window0.get("closesAt").asText());
          assertTrue(
              window0.get("objects").asLong() > 0 && window0.get("records").asLong() > 0,
              window0.toString());
          assertEquals(0, open.get("windowsClosed").asLong());
          assertEquals(0, open.get("lateRecords").asLong());

          // Round 2: objects stamped up to w0+12m; event time passes window 0's close.
          Instant round2 = w0.plus(Duration.ofMinutes(12));
          land(upload, objects, o -> o.stamp().isAfter(round1) && !o.stamp().isAfter(round2));
          JsonNode closed =
              awaitStream(
                  api,
                  s ->
                      s.path("windowsClosed").asLong() >= 1
                          && s.path("watermark")
                              .asText()
                              .equals(round2.minus(Duration.ofMinutes(1)).toString()),
                  "window 0 closes and the watermark reaches w0+11m");
          assertTrue(
              Instant.parse(closed.get("watermark").asText())
                  .isAfter(Instant.parse(open.get("watermark").asText())));
          assertEquals(w0.toString(), closed.get("lastClosedWindow").get("start").asText());
          assertEquals(
              w0.plus(Duration.ofMinutes(5)).toString(),
              closed.get("openWindows").get(0).get("start").asText());
          assertTrue(closed.get("records").asLong() > window0.get("records").asLong());

          String query = "/" + Api.window(first.start().toString(), first.stop().toString());
          HttpResponse<byte[]> digest = api.get(query);
          assertEquals(
              200, digest.statusCode(), Api.text(digest) + err.toString(StandardCharsets.UTF_8));
          OracleDigest oracle = new OracleDigest(first.startEpochSecond(), first.stopEpochSecond());
          texts.forEach(oracle::add);
          assertTrue(oracle.keys() > 10, "a window of many keys: " + oracle.keys());
          assertEquals(oracle.text(), Gzip.gunzip(digest.body()));
          assertEquals(
              409, api.post(query).statusCode(), "a POST of a streamed window finds it built");

          // A record of window 0 landing now is later than the lateness: counted, not digested.
          String lateKey = lateObject(upload, w0);
          JsonNode late =
              awaitStream(
                  api,
                  s -> s.path("lateRecords").asLong() == 2,
                  "the two late records are counted");
          assertEquals(lateKey, late.get("lastObject").get("key").asText());
          assertEquals(
              closed.get("watermark").asText(),
              late.get("watermark").asText(),
              "an old object does not move event time");
          assertEquals(oracle.text(), Gzip.gunzip(api.get(query).body()));
          assertTrue(
              err.toString(StandardCharsets.UTF_8).contains("streaming: watching"),
              err.toString(StandardCharsets.UTF_8));
        }
      }
    }
  }

  private static void land(S3ObjectSink upload, List<LogObject> objects, Predicate<LogObject> which)
      throws IOException {
    for (LogObject o : objects) {
      if (which.test(o)) {
        upload.put(o.key(), o.bytes());
      }
    }
  }

  private static List<String> keys(List<LogObject> objects) {
    return objects.stream().map(LogObject::key).toList();
  }

  /** Lands an object stamped w0+4m holding two records of window 0; returns its key. */
  private static String lateObject(S3ObjectSink upload, Instant w0) throws IOException {
    Instant stamp = w0.plus(Duration.ofMinutes(4));
    String key =
        "AWSLogs/"
            + ACCOUNT
            + "/vpcflowlogs/us-east-1/"
            + KeyLayout.PLAIN.dayFolder(stamp.atOffset(ZoneOffset.UTC).toLocalDate())
            + new FlowLogObjectName(ACCOUNT, "us-east-1", "fl-late", stamp).fileName("beef");
    long start = w0.getEpochSecond() + 100;
    String line =
        "2 "
            + ACCOUNT
            + " eni-late 10.9.9.9 10.8.8.8 40000 443 6 3 300 "
            + start
            + " "
            + (start + 5)
            + " ACCEPT OK\n";
    upload.put(key, Gzip.gzip(line + line));
    return key;
  }

  /** The {@code stream} section of {@code GET /status}. */
  private static JsonNode stream(Api api) throws Exception {
    HttpResponse<byte[]> response = api.get("/status");
    assertEquals(200, response.statusCode(), Api.text(response));
    assertEquals("application/json", Api.contentType(response));
    return JSON.readTree(response.body()).get("stream");
  }

  private static JsonNode awaitStream(Api api, Predicate<JsonNode> condition, String what)
      throws Exception {
    return Eventually.value(() -> stream(api), condition, WAIT, what);
  }
}
