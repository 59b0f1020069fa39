package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.pipeline.coders.ShardPartialCoder;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Spreads shards of objects over the workers and folds each shard into one partial per key
 * bucket.
 */
final class FoldObjects
    extends PTransform<PCollection<List<PlannedObject>>, PCollection<KV<Integer, ShardPartial>>> {
  private static final long serialVersionUID = 1L;
  private final FoldShardFn fold;

  FoldObjects(FoldShardFn fold) {
    this.fold = fold;
  }

  @Override
  public PCollection<KV<Integer, ShardPartial>> expand(PCollection<List<PlannedObject>> shards) {
    return shards
        .apply("SpreadShards", Reshuffle.viaRandomKey())
        .apply("FoldShard", ParDo.of(fold))
        .setCoder(KvCoder.of(VarIntCoder.of(), ShardPartialCoder.of()));
  }
}
