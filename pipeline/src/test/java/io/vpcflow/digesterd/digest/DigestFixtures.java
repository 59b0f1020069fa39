package io.vpcflow.digesterd.digest;

import io.vpcflow.digesterd.flowlog.FlowLogReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generated v2 flow-log lines and tables of them, for the spill and merge tests. */
final class DigestFixtures {
  private DigestFixtures() {}

  /**
   * {@code count} random v2 lines over few addresses and ports, so keys repeat and groups of keys
   * that differ only in action or log-status are common.
   */
  static List<String> lines(long seed, int count) {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add(
          "2 "
              + (1 + random.nextInt(2))
              + " eni-"
              + random.nextInt(3)
              + " 10.0."
              + random.nextInt(4)
              + "."
              + random.nextInt(9)
              + " 10.1.0."
              + random.nextInt(5)
              + " "
              + (1 + random.nextInt(65000))
              + " "
              + (1 + random.nextInt(40))
              + " 6 "
              + random.nextInt(9)
              + " "
              + random.nextInt(999)
              + " "
              + random.nextInt(5000)
              + " "
              + (5000 + random.nextInt(5000))
              + " "
              + (random.nextBoolean() ? "ACCEPT" : "REJECT")
              + " OK");
    }
    return lines;
  }

  /** Feeds v2 lines to a record handler. */
  static void read(List<String> lines, io.vpcflow.digesterd.flowlog.RecordHandler handler)
      throws IOException {
    new FlowLogReader()
        .read(
            new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
            handler);
  }

  /** A table of v2 lines (window 0 to 10,000 s). */
  static DigestTable table(List<String> lines) throws IOException {
    DigestTable table = new DigestTable(0, 10_000);
    read(lines, table);
    return table;
  }
}
