package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.pipeline.coders.ShardResultCoder;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;

/** Spreads shards of objects over the workers and folds each shard into sorted run files. */
final class FoldObjects
    extends PTransform<PCollection<List<PlannedObject>>, PCollection<ShardResult>> {
  private static final long serialVersionUID = 1L;
  private final FoldShardFn fold;

  FoldObjects(FoldShardFn fold) {
    this.fold = fold;
  }

  @Override
  public PCollection<ShardResult> expand(PCollection<List<PlannedObject>> shards) {
    return shards
        .apply("SpreadShards", Reshuffle.viaRandomKey())
        .apply("FoldShard", ParDo.of(fold))
        .setCoder(ShardResultCoder.of());
  }
}
