package io.vpcflow.digesterd.marker;

import io.vpcflow.digesterd.pipeline.RunProgress;
import io.vpcflow.digesterd.report.DigestSummary;

/**
 * How far a digest run got: objects and compressed bytes read of the totals planned, then key
 * ranges merged of those planned.
 *
 * @param objectsDone objects read to their end
 * @param objectsTotal objects the run reads
 * @param bytesDone compressed bytes of the objects read
 * @param bytesTotal compressed bytes of all objects the run reads
 * @param rangesDone key ranges merged
 * @param rangesTotal key ranges to merge (0 until the merge is planned)
 */
public record Progress(
    long objectsDone,
    long objectsTotal,
    long bytesDone,
    long bytesTotal,
    long rangesDone,
    long rangesTotal) {
  /** Nothing read, totals not known yet. */
  public static final Progress NONE = new Progress(0, 0, 0, 0);

  /** Progress of the reading alone: no range planned yet. */
  public Progress(long objectsDone, long objectsTotal, long bytesDone, long bytesTotal) {
    this(objectsDone, objectsTotal, bytesDone, bytesTotal, 0, 0);
  }

  /** The final progress of the run that wrote {@code summary}: everything read and merged. */
  public static Progress done(DigestSummary summary) {
    long objects = summary.objects().read();
    long bytes = summary.objects().bytes();
    long ranges = summary.merge() == null ? 0 : summary.merge().ranges();
    return new Progress(objects, objects, bytes, bytes, ranges, ranges);
  }

  /** A snapshot of a live run. */
  public static Progress of(RunProgress run) {
    return new Progress(
        run.objectsDone(),
        run.totalObjects(),
        run.bytesDone(),
        run.totalBytes(),
        run.rangesDone(),
        run.rangesTotal());
  }
}
