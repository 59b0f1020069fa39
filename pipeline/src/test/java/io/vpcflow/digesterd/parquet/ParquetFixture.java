package io.vpcflow.digesterd.parquet;

import io.vpcflow.digesterd.digest.DigestLines;
import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.flowlog.FlowLogReader;
import io.vpcflow.digesterd.flowlog.LineCounts;
import io.vpcflow.digesterd.flowlog.LineOutcome;
import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.LocalInputFile;

/** Reads the same records as text and as Parquet into digests, for tests that compare them. */
final class ParquetFixture {
  static final long WINDOW_START = 0;
  static final long WINDOW_STOP = 4_102_444_800L;

  private ParquetFixture() {}

  /** What one object yielded: the non-zero counts (headers left out) and the sorted digest. */
  record Outcome(Map<LineOutcome, Long> counts, List<String> digest, List<String> problems) {}

  static Outcome ofText(String text) throws IOException {
    return ofText(text, FlowLogReader.DEFAULT_MAX_LINE_BYTES);
  }

  static Outcome ofText(String text, int maxLineBytes) throws IOException {
    DigestTable table = new DigestTable(WINDOW_START, WINDOW_STOP);
    ObjectParseResult result =
        new FlowLogReader(maxLineBytes)
            .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), table);
    return outcome(result, table);
  }

  static Outcome ofParquet(byte[] parquet, Path dir)
      throws IOException, UnreadableParquetException {
    return ofParquet(parquet, dir, FlowLogReader.DEFAULT_MAX_LINE_BYTES);
  }

  static Outcome ofParquet(byte[] parquet, Path dir, int maxLineBytes)
      throws IOException, UnreadableParquetException {
    Path file = Files.createTempFile(dir, "flows", ".parquet");
    Files.write(file, parquet);
    DigestTable table = new DigestTable(WINDOW_START, WINDOW_STOP);
    ObjectParseResult result =
        new ParquetFlowLogReader(maxLineBytes).read(new LocalInputFile(file), table);
    return outcome(result, table);
  }

  /** What {@code reader}, which may have read other objects before, yields from {@code parquet}. */
  static Outcome ofParquet(ParquetFlowLogReader reader, byte[] parquet)
      throws UnreadableParquetException {
    DigestTable table = new DigestTable(WINDOW_START, WINDOW_STOP);
    ObjectParseResult result = reader.read(new ByteArrayInputFile(parquet), table);
    return outcome(result, table);
  }

  /** The size of the footer of the Parquet file {@code file}, from its last 8 bytes. */
  static int footerSize(byte[] file) {
    return PlainValues.int32(file, file.length - 8);
  }

  /** The last 8 bytes of a Parquet file whose footer holds {@code footerSize} bytes. */
  static byte[] tail(int footerSize) {
    return new byte[] {
      (byte) footerSize,
      (byte) (footerSize >>> 8),
      (byte) (footerSize >>> 16),
      (byte) (footerSize >>> 24),
      'P',
      'A',
      'R',
      '1'
    };
  }

  private static Outcome outcome(ObjectParseResult result, DigestTable table) {
    Map<LineOutcome, Long> counts = new EnumMap<>(LineOutcome.class);
    LineCounts lines = result.counts();
    for (LineOutcome outcome : LineOutcome.values()) {
      if (outcome != LineOutcome.HEADER && lines.get(outcome) > 0) {
        counts.put(outcome, lines.get(outcome));
      }
    }
    List<byte[]> rendered = new ArrayList<>();
    table.entries().forEach((key, totals) -> rendered.add(DigestLines.render(key, totals)));
    DigestLines.sort(rendered);
    List<String> digest = new ArrayList<>();
    rendered.forEach(line -> digest.add(new String(line, StandardCharsets.UTF_8)));
    return new Outcome(counts, digest, result.formatProblems());
  }
}
