package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.sample.DirectorySink;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.HandFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
              .execute("digest", "--start", HandFixture.START, "--stop", HandFixture.STOP, "--out", copy.toString(), "--shards=2");
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
  void aBadWindowIsAClearErrorWithExitCode2() {
    StringWriter err = new StringWriter();
    CommandLine cli = DigesterdCommand.commandLine(Map.of());
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("digest", "--start", "2019-01-01T01:00:00Z", "--stop", "2019-01-01T01:00:30Z");
    assertEquals(2, exit);
    assertTrue(err.toString().contains("must be before stop"), err.toString());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"serve", "digest", "sample-data", "demo"}) {
      StringWriter out = new StringWriter();
      CommandLine cli = DigesterdCommand.commandLine(Map.of());
      cli.setOut(new PrintWriter(out));
      assertEquals(0, cli.execute(command, "--help"));
      assertTrue(out.toString().contains("Usage: vpcflow-digesterd " + command), out.toString());
    }
  }
}
