package io.vpcflow.digesterd.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.JarProcess;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.apitesting.Summaries;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.view.Query;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The views of two stored digests of a million keys each, answered by the fat jar's {@code serve}
 * in a JVM of {@value #HEAP} heap (the digest's text alone is over 100 MB): {@code
 * /graph?limit=1000}, {@code /diff} and {@code /query} (also with the largest {@code top}), each
 * exact, the server still healthy after them.
 */
class ViewsManyKeysSmallHeapIT {
  private static final String HEAP = "160m";
  private static final Path WORK = Paths.get("target", "views-many-keys-it").toAbsolutePath();
  private static final int KEYS = 1_000_000;
  private static final int ADDED = 1000;
  private static final DigestWindow PREVIOUS =
      DigestWindow.parse("2024-07-01T00:00:00Z", "2024-07-01T01:00:00Z");
  private static final DigestWindow NEXT =
      DigestWindow.parse("2024-07-01T01:00:00Z", "2024-07-01T02:00:00Z");
  private static final Pattern LISTENING = Pattern.compile("serving the API at (http://\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The line of conversation {@code i}; {@code next} changes the totals of every 7th. */
  private static String line(int i, boolean next) {
    long bytes = (100 + i % 9000) * (next && i % 7 == 0 ? 3L : 1L);
    return "2 123456789012 eni-"
        + (i % 1000)
        + " 10."
        + (i >>> 16)
        + "."
        + ((i >>> 8) & 255)
        + "."
        + (i & 255)
        + " 172.16.0."
        + (i % 200)
        + " 0 443 6 "
        + (1 + i % 7)
        + " "
        + bytes
        + " 1719792000 1719792030 "
        + (i % 11 == 0 ? "REJECT" : "ACCEPT")
        + " OK";
  }

  /** The previous digest: conversations 0 .. 1M-1. */
  private static List<String> previous() {
    List<String> lines = new ArrayList<>(KEYS);
    for (int i = 0; i < KEYS; i++) {
      lines.add(line(i, false));
    }
    lines.sort(null);
    return lines;
  }

  /**
   * The next digest: every 1000th conversation gone, 1000 new ones, every 7th with other totals.
   */
  private static List<String> next() {
    List<String> lines = new ArrayList<>(KEYS);
    for (int i = 0; i < KEYS + ADDED; i++) {
      if (i >= KEYS || i % 1000 != 0) {
        lines.add(line(i, true));
      }
    }
    lines.sort(null);
    return lines;
  }

  private static void store(S3Client client, DigestWindow window, List<String> lines)
      throws IOException {
    ByteArrayOutputStream gzip = new ByteArrayOutputStream(32 << 20);
    try (GZIPOutputStream out = new GZIPOutputStream(gzip, 1 << 16)) {
      for (String line : lines) {
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
      }
    }
    String id = window.digestId().toString();
    client.putObject(
        b -> b.bucket(ServerEnv.DIGESTS).key(id + ".log.gz"),
        RequestBody.fromBytes(gzip.toByteArray()));
    client.putObject(
        b -> b.bucket(ServerEnv.DIGESTS).key(id + ".json"),
        RequestBody.fromString(
            DigestSummaryJson.write(Summaries.of(window, lines.size(), gzip.size()))));
  }

  private static String w(DigestWindow window) {
    return Api.window(window.start().toString(), window.stop().toString());
  }

  /** Streams {@code GET path} and counts the lines the answer has that contain {@code marker}. */
  private static long countLines(URI base, String path, String marker) throws Exception {
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(3)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode(), path);
    long n = 0;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.contains(marker)) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void graphDiffAndQueryOfAMillionKeysIn160MibOfHeap() throws Exception {
    try (EmbeddedS3Server s3 = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(s3)) {
      ServerEnv.createBuckets(client, "logs");
      List<String> previous = previous();
      store(client, PREVIOUS, previous);
      List<Long> bytes = new ArrayList<>(KEYS);
      previous.forEach(l -> bytes.add(Long.parseLong(l.split(" ")[9])));
      bytes.sort(Comparator.reverseOrder());
      long thousandthHeaviest = bytes.get(999);
      long rejected = previous.stream().filter(l -> l.endsWith("REJECT OK")).count();
      previous = null;
      store(client, NEXT, next());

      try (JarProcess serve =
          JarProcess.start(
              HEAP, ServerEnv.of(s3, "logs", Map.of()), WORK.resolve("serve.out"), "serve")) {
        URI base = URI.create(serve.awaitOutput(LISTENING, Duration.ofMinutes(1)));
        Api api = new Api(base);

        long began = System.nanoTime();
        HttpResponse<byte[]> graph = api.get("/graph" + w(PREVIOUS) + "&format=json&limit=1000");
        assertEquals(200, graph.statusCode(), Api.text(graph));
        JsonNode g = JSON.readTree(graph.body());
        assertEquals(1000, g.get("edges").size());
        assertEquals(KEYS, g.get("edgesInDigest").asLong());
        assertEquals(thousandthHeaviest, g.get("edges").get(999).get("bytes").asLong());
        assertEquals(1000, countLines(base, "/graph" + w(PREVIOUS) + "&limit=1000", " -> "));
        System.out.printf(
            "graph limit=1000 of 1M keys at -Xmx%s: %.1f s%n",
            HEAP, (System.nanoTime() - began) / 1e9);

        began = System.nanoTime();
        assertEquals(
            KEYS / 1000,
            countLines(
                base,
                "/diff?previous_start="
                    + PREVIOUS.start()
                    + "&previous_stop="
                    + PREVIOUS.stop()
                    + "&next_start="
                    + NEXT.start()
                    + "&next_stop="
                    + NEXT.stop(),
                "diff=REMOVED"));
        HttpResponse<byte[]> diff =
            api.get(
                "/diff?previous_start="
                    + PREVIOUS.start()
                    + "&previous_stop="
                    + PREVIOUS.stop()
                    + "&next_start="
                    + NEXT.start()
                    + "&next_stop="
                    + NEXT.stop()
                    + "&format=json");
        JsonNode d = JSON.readTree(diff.body());
        assertEquals(ADDED, d.get("added").asLong());
        assertEquals(KEYS / 1000, d.get("removed").asLong());
        assertEquals(KEYS - KEYS / 1000, d.get("unchanged").asLong());
        System.out.printf(
            "two diffs of 1M keys at -Xmx%s: %.1f s%n", HEAP, (System.nanoTime() - began) / 1e9);

        began = System.nanoTime();
        assertEquals(
            rejected,
            countLines(
                base, "/query" + w(PREVIOUS) + "&action=REJECT&format=ndjson", "\"REJECT\""));
        JsonNode top =
            JSON.readTree(
                api.get("/query" + w(PREVIOUS) + "&addr=10.0.0.0/16&top=10&by=bytes").body());
        assertEquals(65536, top.get("matched").asLong());
        assertEquals(10, top.get("records").size());
        assertEquals(9099, top.get("records").get(0).get("bytes").asLong());
        assertEquals(
            Query.MAX_TOP,
            countLines(
                base,
                "/query" + w(PREVIOUS) + "&top=" + Query.MAX_TOP + "&format=ndjson",
                "\"srcaddr\""));
        System.out.printf(
            "three queries of 1M keys at -Xmx%s: %.1f s%n",
            HEAP, (System.nanoTime() - began) / 1e9);

        assertEquals(200, api.get("/healthcheck").statusCode());
        assertTrue(!serve.output().contains("OutOfMemoryError"), serve.output());
      }
    }
  }
}
