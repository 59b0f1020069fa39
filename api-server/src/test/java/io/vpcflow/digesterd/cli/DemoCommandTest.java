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
      exit = DigesterdCommand.commandLine(Map.of()).execute("demo", "--data-dir", temp.toString(), "--records-per-object", "100");
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
      assertTrue(files.anyMatch(f -> f.toString().endsWith(".log.gz")), "the fetched digest is kept");
    }
  }
}
