package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.apitesting.JarProcess;
import io.vpcflow.digesterd.digest.DigestLines;
import io.vpcflow.digesterd.layout.FlowLogObjectName;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A window of a million distinct conversations digested by the fat jar in a JVM of 256 MiB heap:
 * the tables spill, the runs merge in ranges, and the digest is exact (every line checked against
 * the generated records).
 */
class ManyKeysSmallHeapIT {
  private static final Path WORK = Paths.get("target", "many-keys-it").toAbsolutePath();
  private static final int KEYS = 1_000_000;
  private static final int OBJECTS = 12;
  private static final String ACCOUNT = "123456789012";
  private static final Instant START = Instant.parse("2024-06-01T00:00:00Z");

  /** The record of conversation {@code i}: a source address of its own, so a key of its own. */
  private static String record(int i) {
    long start = START.getEpochSecond() + (i % 3000);
    return "2 "
        + ACCOUNT
        + " eni-"
        + (i % 1000)
        + " 10."
        + (i >>> 16)
        + "."
        + ((i >>> 8) & 255)
        + "."
        + (i & 255)
        + " 172.16.0."
        + (i % 200)
        + " "
        + (40000 + i % 20000)
        + " 443 6 "
        + (1 + i % 7)
        + " "
        + (100 + i % 9000)
        + " "
        + start
        + " "
        + (start + 30)
        + " "
        + (i % 11 == 0 ? "REJECT" : "ACCEPT")
        + " OK";
  }

  /** The digest line of conversation {@code i} (ports normalised: the client port is 0). */
  private static String line(int i) {
    long start = START.getEpochSecond() + (i % 3000);
    return "2 "
        + ACCOUNT
        + " eni-"
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
        + (100 + i % 9000)
        + " "
        + start
        + " "
        + (start + 30)
        + " "
        + (i % 11 == 0 ? "REJECT" : "ACCEPT")
        + " OK";
  }

  private static void writeLogs(Path root) throws IOException {
    Path day = root.resolve("AWSLogs/" + ACCOUNT + "/vpcflowlogs/us-east-1/2024/06/01");
    Files.createDirectories(day);
    for (int o = 0; o < OBJECTS; o++) {
      Instant stamp = START.plus(Duration.ofMinutes(5L * (o + 1)));
      String name =
          new FlowLogObjectName(ACCOUNT, "us-east-1", "fl-0a1b2c3d4e5f60718", stamp)
              .fileName("h" + o);
      try (OutputStream out =
          new GZIPOutputStream(Files.newOutputStream(day.resolve(name)), 1 << 16)) {
        StringBuilder text =
            new StringBuilder(
                "version account-id interface-id srcaddr dstaddr srcport dstport "
                    + "protocol packets bytes start end action log-status\n");
        for (int i = o; i < KEYS; i += OBJECTS) {
          text.append(record(i)).append('\n');
          if (text.length() > 1 << 20) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            text.setLength(0);
          }
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void aMillionKeysAreDigestedExactlyIn256MibOfHeap() throws Exception {
    Path logs = WORK.resolve("logs");
    Path storage = WORK.resolve("digests");
    Files.createDirectories(storage);
    if (!Files.isDirectory(logs)) {
      writeLogs(logs);
    }
    String stop = START.plus(Duration.ofHours(1)).toString();
    Map<String, String> env =
        Map.of(
            "VPC_FLOW_LOGS_BUCKET", logs.toUri().toString(),
            "DIGEST_STORAGE_BUCKET", storage.toUri().toString(),
            "DIGEST_SPILL_LOCATION", WORK.resolve("spill").toUri().toString());
    long began = System.nanoTime();
    try (JarProcess digest =
        JarProcess.start(
            "256m",
            env,
            WORK.resolve("digest.out"),
            "digest",
            "--start",
            START.toString(),
            "--stop",
            stop)) {
      assertEquals(0, digest.await(Duration.ofMinutes(3)), digest.output());
    }
    System.out.printf("1M keys at -Xmx256m: %.1f s%n", (System.nanoTime() - began) / 1e9);

    String id = DigestWindow.parse(START.toString(), stop).digestId().toString();
    DigestSummary summary = DigestSummaryJson.read(Files.readString(storage.resolve(id + ".json")));
    assertEquals(KEYS, summary.keys());
    assertEquals(KEYS, summary.records().digested());
    assertTrue(
        summary.merge().spilledRuns() > 0,
        "the small heap made the tables spill: " + summary.merge());
    assertTrue(summary.merge().ranges() >= 2, "ranges: " + summary.merge());
    try (var left = Files.list(WORK.resolve("spill"))) {
      assertEquals(List.of(), left.toList(), "no temporary file left");
    }

    List<byte[]> expected = new ArrayList<>(KEYS);
    for (int i = 0; i < KEYS; i++) {
      expected.add(line(i).getBytes(StandardCharsets.UTF_8));
    }
    DigestLines.sort(expected);
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(storage.resolve(id + ".log.gz")), 1 << 16),
                StandardCharsets.UTF_8))) {
      int index = 0;
      for (String actual = in.readLine(); actual != null; actual = in.readLine()) {
        assertTrue(index < KEYS, "more lines than keys");
        assertEquals(
            new String(expected.get(index), StandardCharsets.UTF_8), actual, "line " + index);
        index++;
      }
      assertEquals(KEYS, index);
    }
  }
}
