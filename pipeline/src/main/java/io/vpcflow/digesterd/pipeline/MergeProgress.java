package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.report.ShardProgress;
import io.vpcflow.digesterd.s3.BucketPurpose;
import java.io.IOException;
import java.io.Serializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the merge's progress (ranges planned, ranges merged) the way shards report theirs: into
 * this JVM's {@link RunProgress} when the run has no progress location, else as {@link
 * ProgressFiles} ({@code merge-plan} and one {@code range-<n>} per merged range). A progress file
 * that cannot be written is logged, never a failure of the digest.
 */
final class MergeProgress implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(MergeProgress.class);

  private final String progressKey;
  private final String location;

  MergeProgress(String progressKey, String location) {
    this.progressKey = progressKey;
    this.location = location;
  }

  /** The merge has {@code ranges} ranges to merge. */
  void planned(int ranges) {
    if (location.isEmpty()) {
      RunProgress.rangesPlanned(progressKey, ranges);
    } else {
      write("merge-plan", new ShardProgress(0, 0, 0, ranges));
    }
  }

  /** Range {@code range} is merged. */
  void rangeDone(int range) {
    if (location.isEmpty()) {
      RunProgress.rangeDone(progressKey);
    } else {
      write("range-" + range, new ShardProgress(0, 0, 1, 0));
    }
  }

  private void write(String name, ShardProgress progress) {
    try {
      ProgressFiles.write(location, name, progress);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "cannot write the merge progress {} to {}: {}",
          name, BucketPurpose.display(location), BucketPurpose.display(e.getMessage()));
    }
  }
}
