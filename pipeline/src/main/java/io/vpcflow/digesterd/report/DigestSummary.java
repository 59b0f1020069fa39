package io.vpcflow.digesterd.report;

import io.vpcflow.digesterd.flowlog.LineOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code <id>.json} of a digest: the window, where the digest is, what was read and skipped,
 * and how long it took; or, for an attempt that failed, why. Field names are the JSON names. A
 * digest exists once its summary says {@link #DONE}.
 *
 * @param id the digest id
 * @param start the window start (RFC 3339, UTC)
 * @param stop the window stop (RFC 3339, UTC)
 * @param state {@link #DONE} (also when absent, as written by earlier versions) or {@link #FAILED}
 * @param runner the Beam runner that built the digest
 * @param runnerReason why that runner was chosen
 * @param digest the URI of the digest object
 * @param startedAt when the run started (RFC 3339)
 * @param finishedAt when the digest was written (RFC 3339)
 * @param durationMillis {@code finishedAt - startedAt}
 * @param objects object counts and bytes
 * @param records line counts by outcome
 * @param keys the number of digest lines
 * @param digestBytes the size of the gzip'd digest
 * @param skippedObjects objects skipped or reported, with reasons (at most {@link #MAX_LISTED})
 * @param skippedObjectsTruncated whether more skipped objects existed than are listed
 * @param reason why the attempt failed; null when done
 * @param merge how the digest's partial totals were spilled and merged; null when not recorded
 *     (failed attempts, streamed windows, earlier versions)
 */
public record DigestSummary(
    String id,
    Instant start,
    Instant stop,
    String state,
    String runner,
    String runnerReason,
    String digest,
    Instant startedAt,
    Instant finishedAt,
    long durationMillis,
    Objects objects,
    Records records,
    long keys,
    long digestBytes,
    List<SkippedObject> skippedObjects,
    boolean skippedObjectsTruncated,
    String reason,
    Merge merge) {

  /** At most this many skipped objects are listed one by one. */
  public static final int MAX_LISTED = 1000;

  /** The state of a built digest. */
  public static final String DONE = "done";

  /** The state of an attempt that failed. */
  public static final String FAILED = "failed";

  /** Whether this summary describes a built digest. */
  public boolean succeeded() {
    return state == null || DONE.equals(state);
  }

  /**
   * The summary of an attempt at the window {@code [start, stop)} of digest {@code id} that failed
   * for {@code reason}: no digest, no counts.
   */
  public static DigestSummary failed(
      String id,
      Instant start,
      Instant stop,
      String runner,
      String runnerReason,
      Instant startedAt,
      Instant failedAt,
      String reason) {
    return new DigestSummary(
        id,
        start,
        stop,
        FAILED,
        runner,
        runnerReason,
        null,
        startedAt,
        failedAt,
        Duration.between(startedAt, failedAt).toMillis(),
        null,
        null,
        0,
        0,
        List.of(),
        false,
        reason,
        null);
  }

  /**
   * How the shards' partial totals became the digest.
   *
   * @param runs sorted runs the shards wrote to temporary storage
   * @param spilledRuns of those, the runs written because a shard's table reached its memory budget
   *     (the others are each shard's last run)
   * @param runBytes the runs' total size
   * @param ranges the key ranges merged, each on its own, then joined in order
   * @param mergeMillis from the end of the reading (the merge planned) to the digest joined
   */
  public record Merge(long runs, long spilledRuns, long runBytes, int ranges, long mergeMillis) {}

  /**
   * Object counts.
   *
   * @param listed objects listed in the window's folders
   * @param read objects read to their end
   * @param skipped objects skipped (empty, unrecognised name, corrupt)
   * @param skippedByReason skipped and reported objects per reason
   * @param bytes bytes fetched from the store for the objects read: a text object's whole size, a
   *     Parquet object's footer and digest columns
   * @param textBytes decompressed bytes of the objects read
   */
  public record Objects(
      long listed,
      long read,
      long skipped,
      Map<String, Long> skippedByReason,
      long bytes,
      long textBytes) {}

  /**
   * Line counts.
   *
   * @param lines all lines read
   * @param digested records added to the digest
   * @param outsideWindow valid records of other windows
   * @param noData NODATA and SKIPDATA records
   * @param malformed lines skipped as malformed
   * @param byOutcome every non-zero count by outcome label
   */
  public record Records(
      long lines,
      long digested,
      long outsideWindow,
      long noData,
      long malformed,
      Map<String, Long> byOutcome) {

    /** The line counts of a report. */
    public static Records of(ReadReport report) {
      Map<String, Long> byOutcome = new LinkedHashMap<>();
      report.lines().nonZero().forEach((outcome, n) -> byOutcome.put(outcome.label(), n));
      return new Records(
          report.lines().total(),
          report.lines().get(LineOutcome.DIGESTED),
          report.lines().get(LineOutcome.OUTSIDE_WINDOW),
          report.lines().get(LineOutcome.NODATA) + report.lines().get(LineOutcome.SKIPDATA),
          report.lines().malformed(),
          byOutcome);
    }
  }

  /** Counts the skipped objects of a report by reason, and how many were skipped outright. */
  public static Objects objectsOf(ReadReport report, long listed) {
    Map<String, Long> byReason = new TreeMap<>();
    long skipped = 0;
    for (SkippedObject object : report.skippedObjects()) {
      byReason.merge(object.reason(), 1L, Long::sum);
      if (!SkippedObject.FORMAT_LACKS_FIELDS.equals(object.reason())) {
        skipped++;
      }
    }
    return new Objects(
        listed,
        report.objectsRead(),
        skipped,
        byReason,
        report.compressedBytes(),
        report.textBytes());
  }
}
