package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.pipeline.coders.PlannedObjectCoder;
import java.util.List;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The whole digest of one window: shards of planned objects → read and fold each shard into sorted
 * run files within its memory budget → cut the key space into ranges → merge each range on its own
 * into a gzip'd part → join the parts into the digest and write its summary. Outputs the digest's
 * URI as users see it.
 */
final class DigestFlowLogs extends PTransform<PBegin, PCollection<String>> {
  private static final long serialVersionUID = 1L;
  private final transient List<List<PlannedObject>> shards;
  private final FoldShardFn fold;
  private final PlanMergeFn plan;
  private final MergeSettings merge;

  /**
   * The parts of a run that the merge and the commit share.
   *
   * @param run what the summary records of the run
   * @param spill where the run's temporary objects go
   * @param progress where the merge reports its progress
   */
  record MergeSettings(RunDescription run, SpillFiles spill, ProgressChannel progress)
      implements java.io.Serializable {}

  /**
   * @param shards the objects dealt into shards; at least one shard, which may be empty
   */
  DigestFlowLogs(
      List<List<PlannedObject>> shards, FoldShardFn fold, PlanMergeFn plan, MergeSettings merge) {
    if (shards.isEmpty()) {
      throw new IllegalArgumentException("at least one shard is needed, even an empty one");
    }
    this.shards = shards;
    this.fold = fold;
    this.plan = plan;
    this.merge = merge;
  }

  @Override
  public PCollection<String> expand(PBegin begin) {
    PCollection<MergePlan> merging =
        begin
            .apply(
                "PlannedShards", Create.of(shards).withCoder(ListCoder.of(PlannedObjectCoder.of())))
            .apply("ReadAndFold", new FoldObjects(fold))
            .apply("PlanMerge", new PlanMerge(plan));
    PCollectionView<MergePlan> view = merging.apply("PlanView", View.asSingleton());
    String runToken = merge.run().runToken();
    return merging
        .apply(
            "MergeRanges",
            new MergeRanges(new MergeRangeFn(view, merge.spill(), merge.progress(), runToken)))
        .apply("Write", new CommitDigest(new CommitDigestFn(merge.run(), view, merge.spill())));
  }
}
