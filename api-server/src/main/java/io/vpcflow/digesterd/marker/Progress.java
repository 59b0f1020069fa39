package io.vpcflow.digesterd.marker;

import io.vpcflow.digesterd.pipeline.RunProgress;

/**
 * How far a digest run got: objects and compressed bytes read of the totals planned.
 *
 * @param objectsDone objects read to their end
 * @param objectsTotal objects the run reads
 * @param bytesDone compressed bytes of the objects read
 * @param bytesTotal compressed bytes of all objects the run reads
 */
public record Progress(long objectsDone, long objectsTotal, long bytesDone, long bytesTotal) {
  /** Nothing read, totals not known yet. */
  public static final Progress NONE = new Progress(0, 0, 0, 0);

  /** A snapshot of a live run. */
  public static Progress of(RunProgress run) {
    return new Progress(run.objectsDone(), run.totalObjects(), run.bytesDone(), run.totalBytes());
  }
}
