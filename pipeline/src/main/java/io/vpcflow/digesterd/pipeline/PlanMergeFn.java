package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.FoldBudget;
import io.vpcflow.digesterd.digest.KeyRanges;
import io.vpcflow.digesterd.digest.RunDescriptor;
import io.vpcflow.digesterd.report.ReadReport;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Gathers every shard's result into one {@link MergePlan}: cuts the key space into ranges from the
 * runs' key samples ({@link KeyRanges}) — as many as {@code --mergeRanges}, or by default enough
 * that each range's share of the runs fits the fold budget and at least one per shard — and
 * announces the number of ranges to the run's progress.
 */
final class PlanMergeFn extends DoFn<KV<Integer, Iterable<ShardResult>>, MergePlan> {
  private static final long serialVersionUID = 1L;

  private final int mergeRanges;
  private final int foldMemoryMb;
  private final int shards;
  private final ProgressChannel progress;

  PlanMergeFn(int mergeRanges, int foldMemoryMb, int shards, ProgressChannel progress) {
    this.mergeRanges = mergeRanges;
    this.foldMemoryMb = foldMemoryMb;
    this.shards = shards;
    this.progress = progress;
  }

  @ProcessElement
  public void process(
      @Element KV<Integer, Iterable<ShardResult>> all, OutputReceiver<MergePlan> out) {
    List<RunDescriptor> runs = new ArrayList<>();
    ReadReport report = new ReadReport();
    long spilled = 0;
    for (ShardResult shard : all.getValue()) {
      runs.addAll(shard.runs());
      report.merge(shard.report());
      spilled += shard.spills();
    }
    long runBytes = runs.stream().mapToLong(RunDescriptor::bytes).sum();
    int ranges =
        KeyRanges.count(mergeRanges, shards, runBytes, FoldBudget.bytes(foldMemoryMb, shards));
    List<byte[]> boundaries = KeyRanges.boundaries(runs, ranges);
    MergePlan plan =
        new MergePlan(
            runs.stream().map(RunDescriptor::withoutSamples).toList(),
            boundaries,
            spilled,
            report,
            System.currentTimeMillis());
    progress.rangesPlanned(plan.ranges());
    out.output(plan);
  }
}
