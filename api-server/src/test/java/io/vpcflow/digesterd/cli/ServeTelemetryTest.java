package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.LogCapture;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.apitesting.StatsdReceiver;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.HandFixture;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import sun.misc.Signal;

/**
 * What {@code serve} logs (JSON lines only, the upstream event names, never a credential) and the
 * stats it sends (StatsD lines in the Datadog flavour, received on a real UDP socket).
 */
class ServeTelemetryTest {
  @AfterEach
  void restore() {
    LogCapture.restoreTestLogging();
  }

  @Test
  void serveLogsJsonLinesWithEventsAndNoSecretsAndSendsStats() throws Exception {
    try (EmbeddedS3Server s3 = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(s3);
        StatsdReceiver statsd = new StatsdReceiver()) {
      S3Fixture.createBuckets(client, "hand-logs", ServerEnv.DIGESTS, ServerEnv.PROGRESS);
      HandFixture.write(new S3ObjectSink(client, "hand-logs", ""));
      int port = ServerEnv.freePort();
      Map<String, String> env =
          ServerEnv.of(
              s3,
              "hand-logs",
              Map.of(
                  "RUNTIME_HTTPSERVER_ADDRESS", "127.0.0.1:" + port,
                  "RUNTIME_LOGGER_LEVEL", "TRACE",
                  "RUNTIME_LOGGER_OUTPUT", "STDOUT",
                  "RUNTIME_STATS_OUTPUT", "DATADOG",
                  "RUNTIME_STATS_DATADOG_ADDRESS", "127.0.0.1:" + statsd.port(),
                  "RUNTIME_STATS_DATADOG_TAGS", "env:test, service:digesterd",
                  "RUNTIME_STATS_DATADOG_FLUSHINTERVAL", "PT0.1S",
                  "RUNTIME_STATS_DATADOG_PACKETSIZE", "512"));
      LogCapture logs = new LogCapture();
      CompletableFuture<Integer> exit =
          CompletableFuture.supplyAsync(
              () ->
                  DigesterdCommand.commandLine(env, logs.streams())
                      .execute("serve", "--grace-seconds=5"));
      Api api = new Api(URI.create("http://127.0.0.1:" + port));
      try {
        exercise(api, exit);
      } finally {
        if (!exit.isDone()) {
          Signal.raise(new Signal("TERM"));
        }
      }
      assertEquals(0, exit.get(30, TimeUnit.SECONDS));

      String text = logs.text();
      List<JsonNode> lines = logs.lines(); // fails on any line that is not a JSON object
      assertFalse(lines.isEmpty(), "nothing logged");
      Set<String> events = new HashSet<>();
      for (JsonNode line : lines) {
        String event = LogCapture.keyValue(line, "event");
        if (event != null) {
          events.add(event);
        }
      }
      assertTrue(
          events.containsAll(
              List.of("invalid-input", "not-found", "digest-started", "digest-done", "conflict")),
          events + "\n" + text);
      for (String secret : List.of(EmbeddedS3Server.ACCESS_KEY, EmbeddedS3Server.SECRET_KEY)) {
        assertFalse(text.contains(secret), secret + " logged:\n" + text);
      }

      // closing the service flushed its registry; give the last datagrams a moment to arrive
      List<String> stats =
          statsd.awaitLine(l -> l.startsWith("digest.keys:"), Duration.ofSeconds(10));
      String all = String.join("\n", stats);
      assertTrue(
          stats.stream()
              .anyMatch(l -> l.startsWith("digest.keys:4|c|#") && l.contains("outcome:done")),
          all);
      assertTrue(
          stats.stream()
              .anyMatch(
                  l ->
                      l.matches("digest\\.duration:[0-9.]+\\|ms\\|#.*")
                          && l.contains("outcome:done")),
          all);
      for (String counter :
          List.of("digest.objects", "digest.bytes", "digest.records", "digest.malformed_lines")) {
        assertTrue(
            stats.stream().anyMatch(l -> l.startsWith(counter + ":")),
            counter + " missing in:\n" + all);
      }
      assertTrue(
          stats.stream()
              .anyMatch(
                  l ->
                      l.startsWith("http.requests:")
                          && l.contains("route:/")
                          && l.contains("status:409")
                          && l.contains("method:POST")),
          all);
      assertTrue(
          stats.stream().anyMatch(l -> l.startsWith("http.requests:") && l.contains("status:400")),
          all);
      assertTrue(
          stats.stream()
              .anyMatch(
                  l ->
                      l.startsWith("http.requests:")
                          && l.contains("route:/healthcheck")
                          && l.contains("status:200")),
          all);
      assertTrue(
          stats.stream().allMatch(l -> l.contains("env:test") && l.contains("service:digesterd")),
          all);
    }
  }

  private static void exercise(Api api, CompletableFuture<Integer> exit) throws Exception {
    api.awaitHealthy(exit);
    String window = "/" + Api.window(HandFixture.START, HandFixture.STOP);
    assertEquals(400, api.post("/" + Api.window(HandFixture.STOP, HandFixture.START)).statusCode());
    assertEquals(404, api.get(window).statusCode());
    int created = api.post(window).statusCode();
    assertTrue(created == 202 || created == 409, "POST answered " + created);
    assertEquals(200, api.awaitNot204(window, Duration.ofSeconds(60)).statusCode());
    assertEquals(409, api.post(window).statusCode());

    Signal.raise(new Signal("TERM"));
  }
}
