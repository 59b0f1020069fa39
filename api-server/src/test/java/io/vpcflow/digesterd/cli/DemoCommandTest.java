package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path temp;

  @Test
  void runsTheWholeProductThroughTheHttpApiAndExits0() throws Exception {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit =
          DigesterdCommand.commandLine(Map.of())
              .execute("demo", "--data-dir", temp.toString(), "--records-per-object", "100");
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    String report = out.toString(StandardCharsets.UTF_8);
    String log = err.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, log + report);
    assertTrue(log.matches("(?s).*POST /\\?start=.* -> 202 .*"), log);
    assertTrue(log.matches("(?s).*GET /\\?start=.* -> 200, .*"), log);
    assertTrue(report.contains("top talkers by bytes:"), report);
    assertTrue(report.contains("compaction:"), report);
    try (var files = Files.list(temp)) {
      assertTrue(
          files.anyMatch(f -> f.toString().endsWith(".log.gz")), "the fetched digest is kept");
    }
    assertTrue(
        (log + report).lines().noneMatch(l -> l.startsWith("{")),
        "no JSON log line on the terminal:\n" + log + report);
    Path serviceLog = temp.toAbsolutePath().resolve("demo-service.log");
    assertTrue(log.contains("the service's log lines: " + serviceLog), log);
    assertTrue(
        Files.readString(serviceLog).contains("\"digest-done\""),
        "the service's lines are in the file");
  }

  @Test
  void withVerboseTheServicesLogLinesAreOnTheTerminal() throws Exception {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(both, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
      exit =
          DigesterdCommand.commandLine(Map.of())
              .execute(
                  "demo", "--verbose", "--data-dir", temp.toString(), "--records-per-object", "50");
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    String printed = both.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, printed);
    assertTrue(
        printed.lines().anyMatch(l -> l.startsWith("{") && l.contains("digest-done")), printed);
  }
}
