package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpcflow.digesterd.apitesting.JarProcess;
import io.vpcflow.digesterd.layout.FlowLogObjectName;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fat jar registers only the options of the DirectRunner and AWS with Beam up front (faster
 * start-up) and Flink's when the runner is Flink: {@code digest} on embedded Flink, with Flink's
 * own options, gives the DirectRunner's digest.
 */
class FatJarRunnersIT {
  private static final String ACCOUNT = "123456789012";
  private static final Instant START = Instant.parse("2024-06-01T00:00:00Z");

  @TempDir Path temp;

  @Test
  void flinksOptionsParseInTheFatJarAndGiveTheDirectRunnersDigest() throws Exception {
    Path logs = temp.resolve("logs");
    writeLogs(logs);
    String stop = START.plus(Duration.ofHours(1)).toString();
    String id = DigestWindow.parse(START.toString(), stop).digestId().toString();

    DigestSummary direct =
        digest(logs, temp.resolve("direct"), "digest", "--start", START.toString(), "--stop", stop);
    DigestSummary flink =
        digest(
            logs,
            temp.resolve("flink"),
            "digest",
            "--start",
            START.toString(),
            "--stop",
            stop,
            "--runner-config",
            Paths.get("..", "runner-configs", "flink-local.properties").toString(),
            "--parallelism=1");

    assertEquals("DirectRunner", direct.runner());
    assertEquals("FlinkRunner", flink.runner());
    assertEquals(3, flink.records().digested());
    assertEquals(direct.keys(), flink.keys());
    assertArrayEquals(
        Files.readAllBytes(temp.resolve("direct").resolve(id + ".log.gz")),
        Files.readAllBytes(temp.resolve("flink").resolve(id + ".log.gz")));
  }

  private DigestSummary digest(Path logs, Path storage, String... args) throws Exception {
    Files.createDirectories(storage);
    Map<String, String> env =
        Map.of(
            "VPC_FLOW_LOGS_BUCKET",
            logs.toUri().toString(),
            "DIGEST_STORAGE_BUCKET",
            storage.toUri().toString());
    try (JarProcess digest =
        JarProcess.start(env, temp.resolve(storage.getFileName() + ".out"), args)) {
      assertEquals(0, digest.await(Duration.ofMinutes(3)), digest.output());
    }
    try (var files = Files.list(storage)) {
      Path json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
      return DigestSummaryJson.read(Files.readString(json));
    }
  }

  private static void writeLogs(Path root) throws IOException {
    Path day = root.resolve("AWSLogs/" + ACCOUNT + "/vpcflowlogs/us-east-1/2024/06/01");
    Files.createDirectories(day);
    String name =
        new FlowLogObjectName(ACCOUNT, "us-east-1", "fl-0a1b2c3d4e5f60718", START.plusSeconds(600))
            .fileName("h0");
    long t = START.getEpochSecond() + 60;
    String text =
        "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n"
            + "2 "
            + ACCOUNT
            + " eni-1 10.0.0.1 10.0.0.2 40000 443 6 3 300 "
            + t
            + " "
            + (t + 10)
            + " ACCEPT OK\n"
            + "2 "
            + ACCOUNT
            + " eni-1 10.0.0.1 10.0.0.2 40001 443 6 2 200 "
            + t
            + " "
            + (t + 20)
            + " ACCEPT OK\n"
            + "2 "
            + ACCOUNT
            + " eni-1 10.0.0.3 10.0.0.2 40002 22 6 1 60 "
            + t
            + " "
            + (t + 5)
            + " REJECT OK\n";
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(day.resolve(name)))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
