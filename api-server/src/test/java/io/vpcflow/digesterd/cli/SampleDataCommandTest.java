package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.layout.FlowLogObjectName;
import io.vpcflow.digesterd.testing.Gzip;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SampleDataCommandTest {
  @TempDir Path dir;

  @Test
  void writesOneObjectPerFiveMinutesInTheAwsLayoutWithAHeaderAndTheRecords() throws Exception {
    CommandLine cli = DigesterdCommand.commandLine(Map.of());
    cli.setOut(new PrintWriter(new StringWriter()));
    int exit =
        cli.execute(
            "sample-data", "--dir", dir.toString(), "--from", "2024-05-01T00:00:00Z", "--hours", "1",
            "--accounts", "1", "--regions", "us-east-1", "--records-per-object", "10",
            "--conversations", "5", "--layouts", "HIVE", "--hourly");
    assertEquals(0, exit);
    List<Path> objects;
    try (Stream<Path> files = Files.walk(dir)) {
      objects = files.filter(Files::isRegularFile).sorted().toList();
    }
    assertEquals(12, objects.size());
    for (Path object : objects) {
      String key = dir.relativize(object).toString();
      assertTrue(
          key.startsWith("AWSLogs/aws-account-id=111111111111/aws-service=vpcflowlogs/aws-region=us-east-1/year=2024/month=05/day=01/hour=00/"),
          key);
      FlowLogObjectName name = FlowLogObjectName.parseKey(key).orElseThrow();
      assertTrue(!name.timestamp().isBefore(Instant.parse("2024-05-01T00:00:00Z")), key);
      String[] lines = Gzip.gunzip(Files.readAllBytes(object)).split("\n");
      assertEquals(11, lines.length, key);
      assertTrue(lines[0].startsWith("version account-id interface-id"), lines[0]);
    }
  }
}
