package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpcflow.digesterd.apitesting.Summaries;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.testing.HandFixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code query}, {@code graph} and {@code diff} on local digest files and on a window in local
 * storage.
 */
class ViewCommandsTest {
  private static final String LATER =
      "2 111122223333 eni-0aa 10.0.0.1 10.0.0.2 0 443 6 99 9900 1546304400 1546304460 ACCEPT OK\n"
          + "2 111122223333 eni-0aa 10.0.0.7 10.0.0.2 0 8080 6 1 60 1546304400 1546304460 ACCEPT OK\n";

  @TempDir Path temp;

  /**
   * Logging starts before any output is captured: its own start-up notes are not the commands'
   * output.
   */
  @BeforeAll
  static void startLogging() {
    LoggerFactory.getLogger(ViewCommandsTest.class).debug("started");
  }

  /** Exit code, standard output and standard error of one command. */
  private record Run(int exit, String out, String err) {}

  private Run run(Map<String, String> env, String... args) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StringWriter cliErr = new StringWriter();
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      CommandLine cli = DigesterdCommand.commandLine(env);
      cli.setErr(new PrintWriter(cliErr, true));
      exit = cli.execute(args);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) + cliErr);
  }

  private Path gzip(String name, String text) throws IOException {
    Path file = temp.resolve(name);
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  @Test
  void queryPrintsATableOfTheTopLinesOrWritesCsv() throws Exception {
    Path digest = gzip("hand.log.gz", HandFixture.EXPECTED_DIGEST);
    Run table = run(Map.of(), "query", "--file", digest.toString(), "--top", "2");
    assertEquals(0, table.exit(), table.err());
    List<String> lines = table.out().lines().toList();
    assertEquals(4, lines.size(), table.out());
    assertTrue(lines.get(0).startsWith("action  source"), lines.get(0));
    assertTrue(
        lines.get(1).startsWith("ACCEPT  10.0.0.1")
            && lines.get(1).contains("  443  ")
            && lines.get(1).contains("1,600"),
        lines.get(1));
    assertTrue(
        lines.get(2).startsWith("ACCEPT  10.0.0.2") && lines.get(2).contains("700"), lines.get(2));
    assertEquals("4 of 4 lines matched, 2 shown (top 2 by bytes)", lines.get(3));

    Path csv = temp.resolve("out/udp.csv");
    Run written =
        run(
            Map.of(),
            "query",
            "--file",
            digest.toString(),
            "--protocol",
            "udp",
            "--format",
            "csv",
            "--out",
            csv.toString());
    assertEquals(0, written.exit(), written.err());
    assertEquals("", written.out());
    assertEquals(
        "version,account-id,interface-id,srcaddr,dstaddr,srcport,dstport,protocol,packets,bytes,start,end,action,log-status\r\n"
            + "2,111122223333,eni-0bb,10.0.0.9,10.0.0.53,0,53,17,2,120,1546302600,-,REJECT,OK\r\n",
        Files.readString(csv));
  }

  @Test
  void graphWritesDotOrLimitedJson() throws Exception {
    Path digest = gzip("hand.log.gz", HandFixture.EXPECTED_DIGEST);
    Run dot = run(Map.of(), "graph", "--file", digest.toString());
    assertEquals(0, dot.exit(), dot.err());
    assertTrue(dot.out().startsWith("digraph {\n") && dot.out().endsWith("}\n"), dot.out());
    assertEquals(4, dot.out().lines().filter(l -> l.contains(" -> ")).count());
    assertTrue(dot.out().contains("  n2001_3adb8_3a_3a1 [label=\"2001:db8::1\"]"), dot.out());

    Run json =
        run(Map.of(), "graph", "--file", digest.toString(), "--format", "json", "--limit", "1");
    assertEquals(0, json.exit(), json.err());
    JsonNode graph = new ObjectMapper().readTree(json.out());
    assertEquals(1, graph.get("edges").size());
    assertEquals(2, graph.get("nodes").size());
    assertTrue(graph.get("limited").asBoolean());
  }

  @Test
  void diffOfTwoFilesPrintsTheChangedEdgesAndCounts() throws Exception {
    Path previous = gzip("previous.log.gz", HandFixture.EXPECTED_DIGEST);
    Path next = gzip("next.log.gz", LATER);
    Run diff =
        run(
            Map.of(),
            "diff",
            "--previous-file",
            previous.toString(),
            "--next-file",
            next.toString());
    assertEquals(0, diff.exit(), diff.err());
    assertEquals(3, diff.out().lines().filter(l -> l.contains("diff=REMOVED")).count(), diff.out());
    assertEquals(1, diff.out().lines().filter(l -> l.contains("diff=ADDED")).count(), diff.out());
    assertTrue(diff.out().contains("n10_2e0_2e0_2e7 -> n10_2e0_2e0_2e2 ["), diff.out());
    assertTrue(diff.err().contains("1 added, 3 removed, 1 unchanged"), diff.err());
  }

  @Test
  void aWindowIsReadFromTheConfiguredStorage() throws Exception {
    Path digests = Files.createDirectories(temp.resolve("digests"));
    Path logs = Files.createDirectories(temp.resolve("logs"));
    DigestWindow window = DigestWindow.parse(HandFixture.START, HandFixture.STOP);
    Files.copy(
        gzip("hand.log.gz", HandFixture.EXPECTED_DIGEST),
        digests.resolve(HandFixture.DIGEST_ID + ".log.gz"));
    Files.writeString(
        digests.resolve(HandFixture.DIGEST_ID + ".json"),
        DigestSummaryJson.write(Summaries.of(window, 4, 100)));
    Map<String, String> env =
        Map.of(
            "VPC_FLOW_LOGS_BUCKET",
            logs.toUri().toString(),
            "DIGEST_STORAGE_BUCKET",
            digests.toUri().toString());

    Run query =
        run(
            env,
            "query",
            "--start",
            HandFixture.START,
            "--stop",
            HandFixture.STOP,
            "--format",
            "ndjson",
            "--addr",
            "2001:db8::/32");
    assertEquals(0, query.exit(), query.err());
    assertEquals(1, query.out().lines().count(), query.out());
    assertEquals(
        "444455556666", new ObjectMapper().readTree(query.out()).get("account-id").asText());

    Run missing =
        run(env, "graph", "--start", "2019-01-02T00:00:00Z", "--stop", "2019-01-02T01:00:00Z");
    assertEquals(1, missing.exit());
    assertTrue(
        missing.err().contains("error: digest ")
            && missing.err().contains("is not in storage: build it first"),
        missing.err());
  }

  @Test
  void mistakesAreOneErrorLineAndHelpListsTheOptions() throws Exception {
    Path digest = gzip("hand.log.gz", HandFixture.EXPECTED_DIGEST);
    Run neither = run(Map.of(), "graph");
    assertEquals(2, neither.exit());
    assertEquals(
        "error: give either --file FILE or --start and --stop (a window in storage), not neither",
        neither.err().strip());
    Run both =
        run(
            Map.of(),
            "query",
            "--file",
            digest.toString(),
            "--start",
            HandFixture.START,
            "--stop",
            HandFixture.STOP);
    assertEquals(2, both.exit());
    assertTrue(both.err().strip().endsWith("not both"), both.err());
    Run badPort = run(Map.of(), "query", "--file", digest.toString(), "--port", "http");
    assertEquals(2, badPort.exit());
    assertEquals(
        "error: option '--port' must be a port number 0 to 65535, not 'http'",
        badPort.err().strip());
    Run badLimit = run(Map.of(), "graph", "--file", digest.toString(), "--limit", "0");
    assertEquals(2, badLimit.exit());
    assertTrue(badLimit.err().startsWith("error: option '--limit'"), badLimit.err());
    Run noFile =
        run(
            Map.of(),
            "diff",
            "--previous-file",
            temp.resolve("nope.gz").toString(),
            "--next-file",
            digest.toString());
    assertEquals(1, noFile.exit());
    assertTrue(noFile.err().startsWith("error: no digest file "), noFile.err());
    assertEquals(1, noFile.err().strip().lines().count(), noFile.err());

    for (String command : List.of("query", "graph", "diff")) {
      Run help = run(Map.of(), command, "--help");
      assertEquals(0, help.exit());
      assertTrue(help.out().contains("--format") && help.out().contains("--out"), help.out());
    }
  }
}
