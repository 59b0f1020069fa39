package io.vpcflow.digesterd.pipeline.coders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpcflow.digesterd.flowlog.LineCounts;
import io.vpcflow.digesterd.flowlog.LineOutcome;
import io.vpcflow.digesterd.report.ReadReport;
import io.vpcflow.digesterd.report.SkippedObject;
import java.util.List;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

/** Round trips of {@link ReadReportCoder}, its determinism and its serialisability. */
class ReadReportCoderTest {
  /** One object read, with one line of every outcome, so that a swap of two outcomes shows. */
  private static ReadReport everyOutcome() {
    ReadReport report = new ReadReport();
    LineCounts lines = new LineCounts();
    for (LineOutcome outcome : LineOutcome.values()) {
      lines.add(outcome, outcome.ordinal() + 1);
    }
    report.addObject(5_000, 40_000, lines);
    return report;
  }

  private static ReadReport withSkipped() {
    ReadReport report = everyOutcome();
    report.addSkipped(new SkippedObject("b/empty.log.gz", SkippedObject.EMPTY, "0 bytes"));
    report.addSkipped(
        new SkippedObject(
            "a/notes.txt", SkippedObject.UNRECOGNISED_NAME, "not <account>_vpcflowlogs_..."));
    report.addSkipped(new SkippedObject("c/x.log.gz", SkippedObject.CORRUPT, ""));
    report.addSkipped(new SkippedObject("c/x.log.gz", SkippedObject.CORRUPT, ""));
    report.addSkipped(
        new SkippedObject(
            "d/\u65e5\u672c\u8a9e-\u00e9t\u00e9.log.parquet",
            SkippedObject.FORMAT_LACKS_FIELDS,
            "lacks \u201csrcaddr\u201d \ud83d\ude80"));
    return report;
  }

  private static ReadReport huge() {
    ReadReport report = new ReadReport();
    LineCounts lines = new LineCounts();
    lines.add(LineOutcome.DIGESTED, Long.MAX_VALUE);
    lines.add(LineOutcome.INVALID_VALUE, Long.MAX_VALUE);
    report.addTotals(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, lines);
    return report;
  }

  @Test
  void reportsRoundTrip() throws Exception {
    for (ReadReport report : List.of(new ReadReport(), everyOutcome(), withSkipped(), huge())) {
      CoderProperties.coderDecodeEncodeEqual(ReadReportCoder.of(), report);
      CoderProperties.structuralValueDecodeEncodeEqual(ReadReportCoder.of(), report);
    }
  }

  @Test
  void theDecodedReportKeepsEveryFigure() throws Exception {
    ReadReport decoded =
        CoderUtils.decodeFromByteArray(
            ReadReportCoder.of(),
            CoderUtils.encodeToByteArray(ReadReportCoder.of(), withSkipped()));
    assertEquals(1, decoded.objectsRead());
    assertEquals(5_000, decoded.compressedBytes());
    assertEquals(40_000, decoded.textBytes());
    for (LineOutcome outcome : LineOutcome.values()) {
      assertEquals(outcome.ordinal() + 1, decoded.lines().get(outcome), outcome.label());
    }
    assertEquals(withSkipped().skippedObjects(), decoded.skippedObjects());
    assertEquals(5, decoded.skippedObjects().size(), "a skipped object reported twice stays twice");
  }

  @Test
  void reportsMergedInAnyOrderEncodeAlike() throws Exception {
    ReadReport ab = shard("b/", "d/");
    ab.merge(shard("a/", "c/"));
    ReadReport ba = shard("a/", "c/");
    ba.merge(shard("b/", "d/"));
    CoderProperties.coderDeterministic(ReadReportCoder.of(), ab, ba);
    CoderProperties.coderDeterministic(ReadReportCoder.of(), withSkipped(), withSkipped());
    CoderProperties.coderDeterministic(ReadReportCoder.of(), new ReadReport(), new ReadReport());
  }

  /** What one shard read: every outcome, and one skipped object under each of two folders. */
  private static ReadReport shard(String folder, String otherFolder) {
    ReadReport report = everyOutcome();
    report.addSkipped(new SkippedObject(folder + "x.log.gz", SkippedObject.CORRUPT, "not gzip"));
    report.addSkipped(new SkippedObject(otherFolder + "y.log.gz", SkippedObject.EMPTY, "0 bytes"));
    return report;
  }

  /**
   * The coder survives Java serialisation (as it travels to workers) and the copy decodes what the
   * original encodes, and equals it ({@code CoderProperties.coderSerializable}).
   */
  @Test
  void aSerialisedCopyDecodesWhatTheOriginalEncodes() throws Exception {
    CoderProperties.coderSerializable(ReadReportCoder.of());
    ReadReportCoder copy = SerializableUtils.clone(ReadReportCoder.of());
    for (ReadReport report : List.of(new ReadReport(), everyOutcome(), withSkipped(), huge())) {
      assertEquals(
          report,
          CoderUtils.decodeFromByteArray(
              copy, CoderUtils.encodeToByteArray(ReadReportCoder.of(), report)));
    }
  }
}
