package io.vpcflow.digesterd.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.Chromium;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.sample.SampleFlowLogs;
import io.vpcflow.digesterd.sample.SampleSpec;
import io.vpcflow.digesterd.service.DigesterdService;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The web page in a real browser (Debian's headless Chromium, installed by {@code .ci/run}): {@code
 * /ui} of a server with {@code DIGESTERD_AUTH_TOKEN} set, on s3proxy with sample flow logs. The
 * page requests a window with the token typed into it, waits for done, and its top-talkers table
 * and its graph's node count are checked against the digest fetched over the API; then it requests
 * a second window and diffs the two, checked against both digests. A screenshot of the browser's
 * window is kept as {@code target/ui-screenshot.png}. Skipped, with a notice, where Chromium is not
 * installed.
 */
class WebPageBrowserTest {
  private static final String TOKEN = "d2ViLXBhZ2UtdG9rZW4tZm9yLXRlc3Rz";
  private static final Instant FROM = Instant.parse("2024-05-01T00:00:00Z");
  private static final String START = "2024-05-01T00:00:00Z";
  private static final String STOP = "2024-05-01T01:00:00Z";
  private static final String NEXT_STOP = "2024-05-01T02:00:00Z";

  @TempDir Path temp;

  @Test
  void thePageRequestsAWindowAndShowsItsTalkersGraphAndDiff() throws Exception {
    if (!Chromium.available()) {
      System.out.println(
          "NOTICE: WebPageBrowserTest skipped: "
              + Chromium.BINARY
              + " is not installed (apt-get install chromium)");
    }
    Assumptions.assumeTrue(Chromium.available(), "chromium is not installed");
    try (EmbeddedS3Server s3 = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(s3)) {
      ServerEnv.createBuckets(client, "logs");
      // Few objects keep the two DirectRunner digests short; 400 conversations give over 200 lines
      // a window.
      SampleFlowLogs.generate(
          new SampleSpec(
              FROM,
              Duration.ofHours(2),
              Duration.ofMinutes(15),
              List.of("123456789012"),
              List.of("us-east-1"),
              600,
              400,
              List.of(KeyLayout.PLAIN),
              false,
              7),
          new S3ObjectSink(client, "logs", ""));
      ServiceConfig config =
          ServiceConfig.forServer(ServerEnv.of(s3, "logs", Map.of("DIGESTERD_AUTH_TOKEN", TOKEN)));
      try (DigesterdService service =
              DigesterdService.builder(config).shutdownGrace(Duration.ofSeconds(5)).start();
          Chromium browser =
              Chromium.start(java.nio.file.Files.createDirectory(temp.resolve("profile")))) {
        Api api = new Api(service.uri(), "Bearer " + TOKEN);
        browser.navigate(service.uri().resolve("/ui"));
        browser.evaluate(
            "document.getElementById('token').value = '"
                + TOKEN
                + "';"
                + "document.getElementById('start').value = '"
                + START
                + "';"
                + "document.getElementById('stop').value = '"
                + STOP
                + "';"
                + "document.getElementById('request').click(); true");
        browser.await(
            "document.getElementById('graph').dataset.nodes || document.getElementById('error').textContent",
            Duration.ofMinutes(2));
        assertEquals("", browser.evaluate("document.getElementById('error').textContent").asText());
        assertEquals(
            "done", browser.evaluate("document.getElementById('progress').dataset.state").asText());

        List<String[]> lines = lines(api.get("/" + Api.window(START, STOP)));
        assertTrue(lines.size() > 200, "more lines than the graph's 200 edges: " + lines.size());
        List<String[]> heaviest = new ArrayList<>(lines);
        heaviest.sort(Comparator.comparingLong((String[] f) -> Long.parseLong(f[9])).reversed());
        JsonNode rows =
            browser.evaluate(
                "Array.from(document.querySelectorAll('#talkers tbody tr')).map(r => Array.from(r.cells).map(c => c.textContent))");
        assertEquals(50, rows.size());
        assertEquals(heaviest.get(0)[3], rows.get(0).get(1).asText());
        assertEquals(
            String.format("%,d", Long.parseLong(heaviest.get(0)[9])), rows.get(0).get(5).asText());
        assertEquals(
            String.format("%,d", Long.parseLong(heaviest.get(49)[9])),
            rows.get(49).get(5).asText());

        Set<String> nodes = new HashSet<>();
        for (String[] f : heaviest.subList(0, Math.min(200, heaviest.size()))) {
          nodes.add(f[3]);
          nodes.add(f[4]);
        }
        assertEquals(
            nodes.size(),
            browser.evaluate("Number(document.getElementById('graph').dataset.nodes)").asInt());
        assertEquals(
            200,
            browser.evaluate("Number(document.getElementById('graph').dataset.edges)").asInt());

        browser.screenshot(Path.of("target", "ui-screenshot.png"));
        browser.evaluate(
            "document.getElementById('f-action').value = 'REJECT'; document.getElementById('apply').click(); true");
        long rejected = lines.stream().filter(f -> f[12].equals("REJECT")).count();
        browser.await(
            "document.getElementById('talkers-summary').textContent.startsWith('"
                + rejected
                + " of')",
            Duration.ofSeconds(30));
        assertTrue(
            browser
                .evaluate(
                    "Array.from(document.querySelectorAll('#talkers tbody tr td:first-child'))"
                        + ".every(c => c.textContent === 'REJECT')")
                .asBoolean());

        browser.evaluate(
            "document.getElementById('next-start').value = '"
                + STOP
                + "';"
                + "document.getElementById('next-stop').value = '"
                + NEXT_STOP
                + "';"
                + "document.getElementById('diff').click(); true");
        browser.await(
            "document.getElementById('diff-summary').dataset.state === 'diffed'"
                + " || document.getElementById('error').textContent",
            Duration.ofMinutes(2));
        assertEquals("", browser.evaluate("document.getElementById('error').textContent").asText());
        List<String[]> next = lines(api.get("/" + Api.window(STOP, NEXT_STOP)));
        Set<String> before = identities(lines);
        Set<String> after = identities(next);
        long added = next.stream().filter(f -> !before.contains(identity(f))).count();
        long removed = lines.stream().filter(f -> !after.contains(identity(f))).count();
        String summary =
            browser.evaluate("document.getElementById('diff-summary').textContent").asText();
        assertTrue(summary.startsWith(added + " added, " + removed + " removed"), summary);
        assertEquals(
            Math.min(200, added + removed),
            browser.evaluate("document.querySelectorAll('#diff-table tbody tr').length").asLong());

        assertFalse(
            browser.evaluate("location.href").asText().contains(TOKEN),
            "the token is never in the URL");
      }
    }
  }

  private static List<String[]> lines(HttpResponse<byte[]> digest) throws Exception {
    assertEquals(200, digest.statusCode());
    List<String[]> lines = new ArrayList<>();
    for (String line : Gzip.gunzip(digest.body()).split("\n")) {
      if (!line.isEmpty()) {
        lines.add(line.split(" "));
      }
    }
    return lines;
  }

  private static String identity(String[] f) {
    return String.join(" ", f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[12]);
  }

  private static Set<String> identities(List<String[]> lines) {
    Set<String> ids = new HashSet<>();
    for (String[] f : lines) {
      ids.add(identity(f));
    }
    return ids;
  }
}
