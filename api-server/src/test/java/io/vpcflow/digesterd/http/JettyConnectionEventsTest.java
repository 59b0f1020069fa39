package io.vpcflow.digesterd.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.apitesting.InMemoryDigestStore;
import io.vpcflow.digesterd.apitesting.InMemoryMarkerStore;
import io.vpcflow.digesterd.apitesting.StatsdReceiver;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.service.DigesterdService;
import io.vpcflow.digesterd.testing.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP connection-state counters and gauges of {@code RUNTIME_CONNSTATE_*}, received as StatsD
 * lines on a real UDP socket while a raw TCP client opens a connection, begins a request, finishes
 * it and closes the connection.
 */
class JettyConnectionEventsTest {
  private static final String PREFIX = "http.server.connstate.";
  private static final String ACTIVE_GAUGE = "custom.active.gauge";

  @TempDir Path temp;

  @Test
  void countersAndGaugesFollowAConnectionThroughItsStates() throws Exception {
    try (StatsdReceiver statsd = new StatsdReceiver()) {
      ServiceConfig config =
          ServiceConfig.forServer(
              Map.of(
                  "VPC_FLOW_LOGS_BUCKET", temp.resolve("logs").toUri().toString(),
                  "DIGEST_STORAGE_BUCKET", temp.resolve("digests").toUri().toString(),
                  "DIGEST_PROGRESS_BUCKET", "progress",
                  "RUNTIME_HTTPSERVER_ADDRESS", "127.0.0.1:0",
                  "RUNTIME_STATS_OUTPUT", "DATADOG",
                  "RUNTIME_STATS_DATADOG_ADDRESS", "127.0.0.1:" + statsd.port(),
                  "RUNTIME_STATS_DATADOG_FLUSHINTERVAL", "PT0.05S",
                  "RUNTIME_CONNSTATE_REPORTINTERVAL", "PT0.05S",
                  "RUNTIME_CONNSTATE_ACTIVEGAUGE", ACTIVE_GAUGE));
      try (DigesterdService service =
              DigesterdService.builder(config)
                  .digestStore(new InMemoryDigestStore())
                  .markerStore(new InMemoryMarkerStore())
                  .start();
          Socket client = new Socket("127.0.0.1", service.port())) {
        awaitGauges(statsd, 1, 0, 0);
        awaitCounter(statsd, PREFIX + "new", 1);

        String body = "{\"id\": \"not a job\"}";
        OutputStream out = client.getOutputStream();
        out.write(
            ("POST /digests/event HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: "
                    + body.length()
                    + "\r\n\r\n"
                    + body.charAt(0))
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        awaitGauges(statsd, 0, 1, 0);
        awaitCounter(statsd, PREFIX + "active", 1);

        out.write(body.substring(1).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertTrue(readResponse(client.getInputStream()).startsWith("HTTP/1.1 400"));
        awaitGauges(statsd, 0, 0, 1);
        awaitCounter(statsd, PREFIX + "idle", 1);

        client.close();
        awaitGauges(statsd, 0, 0, 0);
        awaitCounter(statsd, PREFIX + "closed", 1);
        assertEquals(1, total(statsd.lines(), PREFIX + "new"), "one connection was opened");
        assertEquals(0, total(statsd.lines(), PREFIX + "hijacked"));
      }
    }
  }

  /** Waits until the latest new, active and idle gauges are the given values. */
  private static void awaitGauges(StatsdReceiver statsd, long news, long active, long idle)
      throws Exception {
    List<Long> wanted = List.of(news, active, idle);
    Eventually.value(
        () -> {
          List<String> lines = statsd.lines();
          return List.of(
              latest(lines, PREFIX + "new.gauge").orElse(-1),
              latest(lines, ACTIVE_GAUGE).orElse(-1),
              latest(lines, PREFIX + "idle.gauge").orElse(-1));
        },
        wanted::equals,
        Duration.ofSeconds(15),
        "gauges new, active, idle are " + wanted);
  }

  private static void awaitCounter(StatsdReceiver statsd, String name, long atLeast)
      throws InterruptedException {
    List<String> lines =
        statsd.awaitLine(l -> total(statsd.lines(), name) >= atLeast, Duration.ofSeconds(15));
    assertTrue(
        total(lines, name) >= atLeast, name + " < " + atLeast + " in\n" + String.join("\n", lines));
  }

  private static OptionalLong latest(List<String> lines, String gauge) {
    OptionalLong value = OptionalLong.empty();
    Pattern line = Pattern.compile(Pattern.quote(gauge) + ":([0-9.]+)\\|g.*");
    for (String l : lines) {
      Matcher m = line.matcher(l);
      if (m.matches()) {
        value = OptionalLong.of((long) Double.parseDouble(m.group(1)));
      }
    }
    return value;
  }

  private static long total(List<String> lines, String counter) {
    Pattern line = Pattern.compile(Pattern.quote(counter) + ":([0-9.]+)\\|c.*");
    long sum = 0;
    for (String l : lines) {
      Matcher m = line.matcher(l);
      if (m.matches()) {
        sum += (long) Double.parseDouble(m.group(1));
      }
    }
    return sum;
  }

  /** Reads one response with a Content-Length body; returns its head and body. */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed in the response head: " + head);
      }
      head.write(b);
    }
    String text = head.toString(StandardCharsets.US_ASCII);
    Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
    int bytes = length.find() ? Integer.parseInt(length.group(1)) : 0;
    return text + new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
  }
}
