package io.vpcflow.digesterd.service;

import io.vpcflow.digesterd.marker.Progress;

/**
 * Progress as {@code GET /status} shows it.
 *
 * @param objectsDone objects read
 * @param objectsTotal objects to read (0 while not yet planned)
 * @param bytesDone compressed bytes read
 * @param bytesTotal compressed bytes to read
 * @param percent bytes read in percent (100 when done)
 * @param rangesDone key ranges merged into the digest
 * @param rangesTotal key ranges to merge (0 while the objects are being read)
 */
public record StatusProgress(
    long objectsDone,
    long objectsTotal,
    long bytesDone,
    long bytesTotal,
    double percent,
    long rangesDone,
    long rangesTotal) {

  /** The view of {@code progress}; {@code done} makes it 100 %. */
  public static StatusProgress of(Progress progress, boolean done) {
    double percent =
        done
            ? 100.0
            : progress.bytesTotal() == 0
                ? 0.0
                : Math.floor(1000.0 * progress.bytesDone() / progress.bytesTotal()) / 10;
    return new StatusProgress(
        progress.objectsDone(),
        progress.objectsTotal(),
        progress.bytesDone(),
        progress.bytesTotal(),
        percent,
        progress.rangesDone(),
        progress.rangesTotal());
  }
}
