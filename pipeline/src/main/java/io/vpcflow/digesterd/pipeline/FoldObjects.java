package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.pipeline.coders.DigestChunkCoder;
import io.vpcflow.digesterd.pipeline.coders.ReadReportCoder;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Spreads shards of objects over the workers and folds each shard into partial totals per key
 * bucket ({@link FoldShardFn#PARTIALS}) and a read report ({@link FoldShardFn#REPORTS}).
 */
final class FoldObjects extends PTransform<PCollection<List<PlannedObject>>, PCollectionTuple> {
  private static final long serialVersionUID = 1L;
  private final FoldShardFn fold;

  FoldObjects(FoldShardFn fold) {
    this.fold = fold;
  }

  @Override
  public PCollectionTuple expand(PCollection<List<PlannedObject>> shards) {
    PCollectionTuple folded =
        shards
            .apply("SpreadShards", Reshuffle.viaRandomKey())
            .apply(
                "FoldShard",
                ParDo.of(fold).withOutputTags(FoldShardFn.PARTIALS, TupleTagList.of(FoldShardFn.REPORTS)));
    folded.get(FoldShardFn.PARTIALS).setCoder(KvCoder.of(VarIntCoder.of(), DigestChunkCoder.of()));
    folded.get(FoldShardFn.REPORTS).setCoder(ReadReportCoder.of());
    return folded;
  }
}
