package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.RunDescriptor;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.ReadReport;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How a run's sorted runs are merged: every run (without its samples), the boundaries that cut the
 * key space into ranges ({@link io.vpcflow.digesterd.digest.KeyRanges}), and what the shards read,
 * for the summary.
 *
 * @param runs every shard's runs
 * @param boundaries ascending range boundaries; {@code boundaries.size() + 1} ranges
 * @param spilledRuns how many runs were written because a table reached its budget
 * @param report what all shards read and skipped
 * @param plannedAtMillis when the merge was planned (epoch milliseconds)
 */
public record MergePlan(
    List<RunDescriptor> runs,
    List<byte[]> boundaries,
    long spilledRuns,
    ReadReport report,
    long plannedAtMillis) {
  /** Copies the lists. */
  public MergePlan {
    runs = List.copyOf(runs);
    boundaries = boundaries.stream().map(byte[]::clone).toList();
  }

  /** The number of key ranges. */
  public int ranges() {
    return boundaries.size() + 1;
  }

  /** The runs' total size. */
  public long runBytes() {
    return runs.stream().mapToLong(RunDescriptor::bytes).sum();
  }

  /** The figures of this plan for the summary of a digest joined at {@code joinedAtMillis}. */
  public DigestSummary.Merge figures(long joinedAtMillis) {
    return new DigestSummary.Merge(
        runs.size(), spilledRuns, runBytes(), ranges(), joinedAtMillis - plannedAtMillis);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof MergePlan that)) {
      return false;
    }
    if (boundaries.size() != that.boundaries.size()) {
      return false;
    }
    for (int i = 0; i < boundaries.size(); i++) {
      if (!Arrays.equals(boundaries.get(i), that.boundaries.get(i))) {
        return false;
      }
    }
    return runs.equals(that.runs)
        && spilledRuns == that.spilledRuns
        && report.equals(that.report)
        && plannedAtMillis == that.plannedAtMillis;
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(runs, spilledRuns, report, plannedAtMillis);
    for (byte[] boundary : boundaries) {
      h = 31 * h + Arrays.hashCode(boundary);
    }
    return h;
  }
}
