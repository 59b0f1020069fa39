package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.JarProcess;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.sample.SampleFlowLogs;
import io.vpcflow.digesterd.sample.SampleSpec;
import io.vpcflow.digesterd.testing.Eventually;
import io.vpcflow.digesterd.testing.FaultProxy;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.OracleDigest;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code kill -9} of a {@code serve} process in the middle of a digest: after a restart the marker
 * goes stale after {@code DIGEST_PROGRESS_TIMEOUT}, the next POST takes it over as attempt 2, and
 * the digest is built once more, exactly, and stored once. The server is the fat jar in its own
 * process; S3 is a real s3proxy behind a proxy that slows every request so the run is long enough
 * to be killed in the middle.
 */
class CrashRecoveryIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path WORK = Paths.get("target", "crash-recovery-it").toAbsolutePath();
  private static final Instant DAY = Instant.parse("2024-02-01T00:00:00Z");
  private static final DigestWindow WINDOW = new DigestWindow(DAY, DAY.plus(Duration.ofHours(2)));
  private static final Pattern LISTENING = Pattern.compile("serving the API at (http://\\S+)");

  @Test
  void aServerKilledMidDigestIsTakenOverAfterTheTimeoutAndTheDigestCompletesOnce()
      throws Exception {
    OracleDigest oracle = new OracleDigest(WINDOW.startEpochSecond(), WINDOW.stopEpochSecond());
    try (EmbeddedS3Server s3 = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(s3);
        FaultProxy proxy = FaultProxy.start(s3.endpoint())) {
      S3Fixture.createBuckets(client, "logs", ServerEnv.DIGESTS, ServerEnv.PROGRESS);
      S3ObjectSink upload = new S3ObjectSink(client, "logs", "");
      SampleFlowLogs.generate(
          new SampleSpec(
              DAY,
              Duration.ofHours(2),
              Duration.ofMinutes(5),
              List.of("555555555555", "666666666666"),
              List.of("us-east-1"),
              200,
              500,
              List.of(KeyLayout.PLAIN),
              false,
              3),
          (key, bytes) -> {
            oracle.add(Gzip.gunzip(bytes));
            upload.put(key, bytes);
          });
      Map<String, String> env = new HashMap<>(ServerEnv.of(s3, "logs", Map.of()));
      env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
      env.put("DIGEST_PROGRESS_TIMEOUT", "4000");
      String query = "/" + Api.window(WINDOW.start().toString(), WINDOW.stop().toString());
      String status = "/status" + Api.window(WINDOW.start().toString(), WINDOW.stop().toString());

      proxy.delayNext(Integer.MAX_VALUE, Duration.ofMillis(150));
      try (JarProcess first = JarProcess.start(env, WORK.resolve("first.out"), "serve")) {
        Api api = new Api(URI.create(first.awaitOutput(LISTENING, Duration.ofMinutes(1))));
        assertEquals(202, api.post(query).statusCode());
        Eventually.until(
            () -> objectsDone(api, status) >= 2,
            Duration.ofMinutes(1),
            "the first server started reading");
        first.kill();
      }
      proxy.up();

      try (JarProcess second = JarProcess.start(env, WORK.resolve("second.out"), "serve")) {
        Api api = new Api(URI.create(second.awaitOutput(LISTENING, Duration.ofMinutes(1))));
        HttpResponse<byte[]> stalled = api.awaitNot204(query, Duration.ofSeconds(30));
        assertEquals(
            424,
            stalled.statusCode(),
            "a dead owner's marker is reported once stale: " + Api.text(stalled));
        assertEquals(
            202, api.post(query).statusCode(), "the next POST takes the stale marker over");
        HttpResponse<byte[]> digest = api.awaitNot204(query, Duration.ofMinutes(2));
        assertEquals(200, digest.statusCode(), Api.text(digest));
        assertEquals(oracle.text(), Gzip.gunzip(digest.body()));
        JsonNode done = JSON.readTree(api.get(status).body());
        assertEquals("done", done.get("state").asText());
        assertEquals(2, done.get("attempt").asInt());
        assertEquals(409, api.post(query).statusCode());
        String log = second.output();
        assertEquals(1, count(log, "\"digest-started\""), log);
      }
      assertEquals(
          List.of(WINDOW.digestId() + ".json", WINDOW.digestId() + ".log.gz"),
          client.listObjectsV2(b -> b.bucket(ServerEnv.DIGESTS)).contents().stream()
              .map(o -> o.key())
              .sorted()
              .toList(),
          "one digest and its summary, no temporary objects");
    }
  }

  /** The objects read so far, as the status of the window says. */
  private static long objectsDone(Api api, String status) {
    try {
      return JSON.readTree(api.get(status).body()).path("progress").path("objectsDone").asLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
