package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.RunDescriptor;
import io.vpcflow.digesterd.report.ReadReport;
import java.util.List;

/**
 * What one shard contributes to the digest: the sorted runs it wrote (described, not carried) and
 * what it read and skipped.
 *
 * @param runs the shard's runs, each key at most once per run
 * @param spills how many of them were written because the shard's table reached its budget
 * @param report what the shard read and skipped
 */
public record ShardResult(List<RunDescriptor> runs, int spills, ReadReport report) {
  /** Copies the runs. */
  public ShardResult {
    runs = List.copyOf(runs);
  }
}
