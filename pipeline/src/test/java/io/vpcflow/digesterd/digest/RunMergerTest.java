package io.vpcflow.digesterd.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpcflow.digesterd.flowlog.FlowLogReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunMergerTest {
  private static DigestTable table(String... v2Lines) throws IOException {
    DigestTable table = new DigestTable(0, 10_000);
    new FlowLogReader()
        .read(
            new ByteArrayInputStream(String.join("\n", v2Lines).getBytes(StandardCharsets.UTF_8)),
            table);
    return table;
  }

  private static String merge(DigestTable... tables) throws IOException {
    List<byte[]> runs = new ArrayList<>();
    for (DigestTable t : tables) {
      runs.add(SortedRun.of(t));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long lines = RunMerger.merge(runs, out);
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(text.isEmpty() ? 0 : text.split("\n").length, lines);
    return text;
  }

  @Test
  void sumsEqualKeysAcrossRunsAndKeepsAbsentEnds() throws IOException {
    DigestTable a =
        table(
            "2 1 eni-a 10.0.0.1 10.0.0.2 50000 443 6 10 1000 100 160 ACCEPT OK",
            "2 1 eni-a 10.0.0.9 10.0.0.2 50000 22 6 1 60 120 - ACCEPT OK");
    DigestTable b = table("2 1 eni-a 10.0.0.1 10.0.0.2 50001 443 6 5 500 90 200 ACCEPT OK");
    assertEquals(
        "2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 15 1500 90 200 ACCEPT OK\n"
            + "2 1 eni-a 10.0.0.9 10.0.0.2 0 22 6 1 60 120 - ACCEPT OK\n",
        merge(a, b));
  }

  @Test
  void keysSharingEightFieldsComeOutInLineOrderNotKeyOrder() throws IOException {
    // Key order puts ACCEPT before REJECT; line order compares the totals first (1 < 9).
    DigestTable a = table("2 1 eni-a 10.0.0.1 10.0.0.2 50000 443 6 9 900 100 160 ACCEPT OK");
    DigestTable b = table("2 1 eni-a 10.0.0.1 10.0.0.2 50000 443 6 1 100 100 160 REJECT OK");
    assertEquals(
        "2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 1 100 100 160 REJECT OK\n"
            + "2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 9 900 100 160 ACCEPT OK\n",
        merge(a, b));
  }

  @Test
  void noRunsOrEmptyRunsGiveNothing() throws IOException {
    assertEquals("", merge());
    assertEquals("", merge(new DigestTable(0, 1), new DigestTable(0, 1)));
  }

  @Test
  void matchesRenderingAndSortingOneTableOfEverything() throws IOException {
    Random random = new Random(3);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
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
              + (1 + random.nextInt(70000 % 65535))
              + " "
              + (1 + random.nextInt(1024))
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
    DigestTable whole = table(lines.toArray(String[]::new));
    DigestTable[] parts = {
      table(lines.subList(0, 1000).toArray(String[]::new)),
      table(lines.subList(1000, 2200).toArray(String[]::new)),
      table(lines.subList(2200, 3000).toArray(String[]::new))
    };
    List<byte[]> rendered = new ArrayList<>();
    whole.entries().forEach((k, t) -> rendered.add(DigestLines.render(k, t)));
    DigestLines.sort(rendered);
    StringBuilder expected = new StringBuilder();
    rendered.forEach(l -> expected.append(new String(l, StandardCharsets.UTF_8)).append('\n'));
    assertEquals(expected.toString(), merge(parts));
  }
}
