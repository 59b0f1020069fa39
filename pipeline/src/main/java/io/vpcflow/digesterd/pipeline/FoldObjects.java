package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.pipeline.coders.ShardRunCoder;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/** Spreads shards of objects over the workers and folds each shard into one sorted run. */
final class FoldObjects
    extends PTransform<PCollection<List<PlannedObject>>, PCollection<KV<Integer, ShardRun>>> {
  private static final long serialVersionUID = 1L;
  private final FoldShardFn fold;

  FoldObjects(FoldShardFn fold) {
    this.fold = fold;
  }

  @Override
  public PCollection<KV<Integer, ShardRun>> expand(PCollection<List<PlannedObject>> shards) {
    return shards
        .apply("SpreadShards", Reshuffle.viaRandomKey())
        .apply("FoldShard", ParDo.of(fold))
        .setCoder(KvCoder.of(VarIntCoder.of(), ShardRunCoder.of()));
  }
}
