package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.apitesting.StatsdReceiver;
import io.vpcflow.digesterd.sample.DirectorySink;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.HandFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DigestCommandTest {
  @TempDir Path temp;

  @Test
  void digestsAWindowFromTheEnvironmentsLocationsAndWritesALocalCopy() throws Exception {
    Path logs = temp.resolve("logs");
    Path digests = temp.resolve("digests");
    HandFixture.write(new DirectorySink(logs));
    Map<String, String> env =
        Map.of(
            "VPC_FLOW_LOGS_BUCKET", logs.toUri().toString(),
            "DIGEST_STORAGE_BUCKET", digests.toUri().toString());
    Path copy = temp.resolve("copy/digest.log.gz");

    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit =
          DigesterdCommand.commandLine(env)
              .execute(
                  "digest",
                  "--start",
                  HandFixture.START,
                  "--stop",
                  HandFixture.STOP,
                  "--out",
                  copy.toString(),
                  "--shards=2");
    } finally {
      System.setOut(stdout);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, output);
    assertEquals(HandFixture.EXPECTED_DIGEST, Gzip.gunzip(Files.readAllBytes(copy)));
    assertEquals(
        HandFixture.EXPECTED_DIGEST,
        Gzip.gunzip(Files.readAllBytes(digests.resolve(HandFixture.DIGEST_ID + ".log.gz"))));
    assertTrue(output.contains("6 digested"), output);
    assertTrue(output.contains("corrupt-object: 1"), output);
    assertTrue(output.contains("4 keys"), output);
  }

  @Test
  void sendsTheDigestsMetricsToStatsdBeforeExiting() throws Exception {
    try (StatsdReceiver statsd = new StatsdReceiver()) {
      Map<String, String> env =
          handFixtureWithStats(statsd, Map.of("RUNTIME_STATS_DATADOG_TAGS", "env:test"));
      int exit =
          quietly(
              () ->
                  DigesterdCommand.commandLine(env)
                      .execute("digest", "--start", HandFixture.START, "--stop", HandFixture.STOP));
      assertEquals(0, exit);
      // the flush interval is the default 10 s: the lines arrive because the command flushed them
      List<String> lines =
          statsd.awaitLine(l -> l.startsWith("digest.malformed_lines:"), Duration.ofSeconds(3));
      String all = String.join("\n", lines);
      for (String counter :
          List.of("digest.keys:4|c|#", "digest.records:6|c|#", "digest.objects:4|c|#")) {
        assertTrue(
            lines.stream()
                .anyMatch(
                    l ->
                        l.startsWith(counter)
                            && l.contains("env:test")
                            && l.contains("outcome:done")),
            counter + " missing in:\n" + all);
      }
      assertTrue(
          lines.stream()
              .anyMatch(l -> l.matches("digest\\.duration:[0-9.]+\\|ms\\|#env:test,outcome:done")),
          all);
      for (String counter : List.of("digest.bytes:", "digest.malformed_lines:")) {
        assertTrue(
            lines.stream().anyMatch(l -> l.startsWith(counter)), counter + " missing in:\n" + all);
      }
    }
  }

  @Test
  void aFailedDigestSendsItsDurationTaggedFailed() throws Exception {
    try (StatsdReceiver statsd = new StatsdReceiver()) {
      Map<String, String> env =
          handFixtureWithStats(statsd, Map.of("DIGEST_ON_CORRUPT_OBJECT", "fail"));
      CommandLine cli = DigesterdCommand.commandLine(env);
      cli.setErr(new PrintWriter(new StringWriter()));
      int exit =
          quietly(
              () ->
                  cli.execute("digest", "--start", HandFixture.START, "--stop", HandFixture.STOP));
      assertEquals(1, exit);
      List<String> lines =
          statsd.awaitLine(l -> l.startsWith("digest.duration:"), Duration.ofSeconds(3));
      assertTrue(
          lines.stream()
              .anyMatch(l -> l.matches("digest\\.duration:[0-9.]+\\|ms\\|#outcome:failed")),
          String.join("\n", lines));
      assertTrue(
          lines.stream().noneMatch(l -> l.startsWith("digest.keys:")), String.join("\n", lines));
    }
  }

  /**
   * The hand fixture written to a local directory, digests to another, stats to {@code statsd};
   * then {@code extra}.
   */
  private Map<String, String> handFixtureWithStats(StatsdReceiver statsd, Map<String, String> extra)
      throws IOException {
    Path logs = temp.resolve("logs");
    HandFixture.write(new DirectorySink(logs));
    Map<String, String> env = new HashMap<>(extra);
    env.put("VPC_FLOW_LOGS_BUCKET", logs.toUri().toString());
    env.put("DIGEST_STORAGE_BUCKET", temp.resolve("digests").toUri().toString());
    env.put("RUNTIME_STATS_OUTPUT", "DATADOG");
    env.put("RUNTIME_STATS_DATADOG_ADDRESS", "127.0.0.1:" + statsd.port());
    return env;
  }

  /** Runs {@code command} with stdout discarded; returns its exit code. */
  private static int quietly(java.util.function.IntSupplier command) {
    PrintStream stdout = System.out;
    try {
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      return command.getAsInt();
    } finally {
      System.setOut(stdout);
    }
  }

  @Test
  void aBadWindowIsAClearErrorWithExitCode2() {
    StringWriter err = new StringWriter();
    CommandLine cli = DigesterdCommand.commandLine(Map.of());
    cli.setErr(new PrintWriter(err));
    int exit =
        cli.execute("digest", "--start", "2019-01-01T01:00:00Z", "--stop", "2019-01-01T01:00:30Z");
    assertEquals(2, exit);
    assertTrue(err.toString().contains("must be before stop"), err.toString());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"serve", "digest", "sample-data", "demo", "stream"}) {
      StringWriter out = new StringWriter();
      CommandLine cli = DigesterdCommand.commandLine(Map.of());
      cli.setOut(new PrintWriter(out));
      assertEquals(0, cli.execute(command, "--help"));
      assertTrue(out.toString().contains("Usage: vpcflow-digesterd " + command), out.toString());
    }
  }

  @Test
  void anExpectedFailureIsOneErrorLineTheStackTraceOnlyWhenAskedFor() throws Exception {
    try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
      int port = closed.getLocalPort();
      closed.close();
      Map<String, String> env =
          Map.of(
              "AWS_ENDPOINT_URL", "http://127.0.0.1:" + port,
              "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE",
              "AWS_SECRET_ACCESS_KEY", "example-secret",
              "AWS_MAX_ATTEMPTS", "1",
              "VPC_FLOW_LOGS_BUCKET", "logs",
              "DIGEST_STORAGE_BUCKET", "digests");
      String[] window = {
        "digest", "--start", "2024-01-01T00:00:00Z", "--stop", "2024-01-01T01:00:00Z"
      };
      for (boolean verbose : new boolean[] {false, true}) {
        StringWriter err = new StringWriter();
        CommandLine cli = DigesterdCommand.commandLine(env);
        cli.setErr(new PrintWriter(err));
        String[] args =
            verbose
                ? new String[] {"digest", "--verbose", window[1], window[2], window[3], window[4]}
                : window;
        int exit = quietly(() -> cli.execute(args));
        String printed = err.toString();
        assertEquals(1, exit, printed);
        List<String> errorLines = printed.lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errorLines.size(), printed);
        assertTrue(errorLines.get(0).contains("cannot list s3://logs/AWSLogs/"), printed);
        assertEquals(
            verbose, printed.contains("\tat "), "a stack trace only with --verbose:\n" + printed);
      }
    }
  }
}
