package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.pipeline.coders.MergePlanCoder;
import io.vpcflow.digesterd.pipeline.coders.ShardResultCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;

/** Gathers every shard's run descriptors in one place and plans their merge: one element. */
final class PlanMerge extends PTransform<PCollection<ShardResult>, PCollection<MergePlan>> {
  private static final long serialVersionUID = 1L;
  private final PlanMergeFn plan;

  PlanMerge(PlanMergeFn plan) {
    this.plan = plan;
  }

  @Override
  public PCollection<MergePlan> expand(PCollection<ShardResult> results) {
    return results
        .apply("KeyAll", WithKeys.of(0))
        .setCoder(KvCoder.of(VarIntCoder.of(), ShardResultCoder.of()))
        .apply("GatherResults", GroupByKey.create())
        .apply("CutRanges", ParDo.of(plan))
        .setCoder(MergePlanCoder.of());
  }
}
