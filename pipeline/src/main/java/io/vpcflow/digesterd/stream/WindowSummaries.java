package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.flowlog.LineCounts;
import io.vpcflow.digesterd.flowlog.LineOutcome;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.ReadReport;
import io.vpcflow.digesterd.window.DigestWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code <id>.json} of a window digested by the stream, in the batch path's format: the objects
 * are those that held records of the window, the records those digested; records that arrive after
 * the window closed are added under the outcome {@value #LATE}.
 */
public final class WindowSummaries {
  /** The outcome label of records that arrived after their window closed. */
  public static final String LATE = "late";

  /** The runner reason of every stream digest. */
  public static final String REASON =
      "stream: the window closed (watermark past its end plus the allowed lateness)";

  private WindowSummaries() {}

  /**
   * The summary of a window's digest.
   *
   * @param parts what each batch of objects contributed to the window
   * @param digest the digest object's URI
   * @param keys the digest's lines
   * @param digestBytes the digest's gzip'd size
   * @param openedAt when the window's first records arrived
   * @param finishedAt when the digest was written
   */
  public static DigestSummary done(
      DigestWindow window,
      String runner,
      Iterable<WindowPart> parts,
      String digest,
      long keys,
      long digestBytes,
      Instant openedAt,
      Instant finishedAt) {
    ReadReport report = new ReadReport();
    for (WindowPart part : parts) {
      LineCounts lines = new LineCounts();
      lines.add(LineOutcome.DIGESTED, part.records());
      report.addObjects(part.objects(), part.objectBytes(), part.textBytes(), lines);
    }
    return new DigestSummary(
        window.digestId().toString(),
        window.start(),
        window.stop(),
        DigestSummary.DONE,
        runner,
        REASON,
        digest,
        openedAt,
        finishedAt,
        Duration.between(openedAt, finishedAt).toMillis(),
        DigestSummary.objectsOf(report, report.objectsRead()),
        DigestSummary.Records.of(report),
        keys,
        digestBytes,
        List.of(),
        false,
        null,
        null);
  }

  /** {@code summary} with {@code late} records counted as {@value #LATE} (replacing any count). */
  public static DigestSummary withLate(DigestSummary summary, long late) {
    DigestSummary.Records records = summary.records();
    Map<String, Long> byOutcome = new LinkedHashMap<>(records.byOutcome());
    byOutcome.put(LATE, late);
    return new DigestSummary(
        summary.id(),
        summary.start(),
        summary.stop(),
        summary.state(),
        summary.runner(),
        summary.runnerReason(),
        summary.digest(),
        summary.startedAt(),
        summary.finishedAt(),
        summary.durationMillis(),
        summary.objects(),
        new DigestSummary.Records(
            records.lines(),
            records.digested(),
            records.outsideWindow(),
            records.noData(),
            records.malformed(),
            byOutcome),
        summary.keys(),
        summary.digestBytes(),
        summary.skippedObjects(),
        summary.skippedObjectsTruncated(),
        summary.reason(),
        summary.merge());
  }

  /** The late records counted in {@code summary}. */
  public static long lateOf(DigestSummary summary) {
    return summary.records() == null ? 0 : summary.records().byOutcome().getOrDefault(LATE, 0L);
  }
}
