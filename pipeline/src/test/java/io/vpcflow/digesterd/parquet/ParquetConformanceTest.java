package io.vpcflow.digesterd.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpcflow.digesterd.flowlog.LineOutcome;
import io.vpcflow.digesterd.parquet.ParquetFixture.Outcome;
import io.vpcflow.digesterd.testing.RealFlowLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the real Parquet sample of the fixture collection ({@code flowlogs-reader/flows.parquet},
 * written by pandas: {@code version} and {@code account_id} as INT64, ports, protocol, packets and
 * bytes as strings, {@code "None"} in its NODATA rows) and checks every row's outcome and the exact
 * digest (its one OK row, as dumped by parquet-java's example reader). Skipped, with a notice, when
 * the collection is not there.
 */
class ParquetConformanceTest {
  @TempDir Path dir;

  @Test
  void flowlogsReaderSample() throws Exception {
    Path sample =
        RealFlowLogs.dir("ParquetConformanceTest").resolve("flowlogs-reader/flows.parquet");

    Outcome outcome = ParquetFixture.ofParquet(Files.readAllBytes(sample), dir);

    assertEquals(Map.of(LineOutcome.DIGESTED, 1L, LineOutcome.NODATA, 2L), outcome.counts());
    assertEquals(List.of(), outcome.problems());
    assertEquals(
        List.of(
            "2 123456789010 eni-102010ab 198.51.100.1 192.0.2.1 443 0 6 10 840 1439387263 1439387264"
                + " ACCEPT OK"),
        outcome.digest());
  }

  /**
   * Every text fixture that starts with a header and whose values all fit AWS's column types (v2 to
   * v8, ECS, transit-gateway formats) is written as Parquet in AWS's schema and must give the
   * text's outcomes (blank lines aside: Parquet has none) and digest.
   */
  @Test
  void textFixturesWrittenAsParquetGiveTheTextOutcomes() throws Exception {
    Path root = RealFlowLogs.dir("ParquetConformanceTest");
    List<Path> fixtures;
    try (Stream<Path> files = Files.walk(root)) {
      fixtures = files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
    }
    List<String> compared = new ArrayList<>();
    for (Path fixture : fixtures) {
      String text = Files.readString(fixture);
      if (!text.startsWith("version ")
          && !text.startsWith("resource-type ")
          && !text.startsWith("account-id ")) {
        continue;
      }
      byte[] parquet;
      try {
        parquet = new FlowLogParquetWriter(CompressionCodecName.GZIP, 2).write(text);
      } catch (IllegalArgumentException notAwsTyped) {
        continue;
      }
      Outcome fromText = ParquetFixture.ofText(text);
      fromText.counts().remove(LineOutcome.BLANK);
      Outcome fromParquet = ParquetFixture.ofParquet(parquet, dir);
      assertEquals(fromText.counts(), fromParquet.counts(), fixture.toString());
      assertEquals(fromText.digest(), fromParquet.digest(), fixture.toString());
      assertEquals(
          fromText.problems().stream().map(p -> p.replaceFirst(": header .*", "")).toList(),
          fromParquet.problems().stream().map(p -> p.replaceFirst(": columns .*", "")).toList(),
          fixture.toString());
      compared.add(root.relativize(fixture).toString());
    }
    System.out.println(
        "ParquetConformanceTest compared " + compared.size() + " fixtures: " + compared);
    assertEquals(13, compared.size(), compared.toString());
  }
}
