package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.pipeline.coders.BucketPartCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Brings the partials of each key bucket together and merges every bucket into a sorted part.
 * Buckets merge in parallel; only (shards × buckets) partials cross the shuffle, never single keys.
 */
final class MergeBuckets
    extends PTransform<PCollection<KV<Integer, ShardPartial>>, PCollection<KV<Integer, BucketPart>>> {
  private static final long serialVersionUID = 1L;
  private final MergeBucketFn merge;

  MergeBuckets(MergeBucketFn merge) {
    this.merge = merge;
  }

  @Override
  public PCollection<KV<Integer, BucketPart>> expand(PCollection<KV<Integer, ShardPartial>> partials) {
    return partials
        .apply("GroupByBucket", GroupByKey.create())
        .apply("MergeBucket", ParDo.of(merge))
        .setCoder(KvCoder.of(VarIntCoder.of(), BucketPartCoder.of()));
  }
}
