package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.pipeline.coders.PlannedObjectCoder;
import io.vpcflow.digesterd.report.ReadReport;
import java.util.List;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The whole digest of one window: shards of planned objects → read and fold each shard → merge
 * the partial totals bucket by bucket → write the sorted digest and its summary. Outputs the
 * digest's URI.
 */
final class DigestFlowLogs extends PTransform<PBegin, PCollection<String>> {
  private static final long serialVersionUID = 1L;
  private final transient List<List<PlannedObject>> shards;
  private final FoldShardFn fold;
  private final MergeBucketFn merge;
  private final RunDescription run;

  DigestFlowLogs(
      List<List<PlannedObject>> shards, FoldShardFn fold, MergeBucketFn merge, RunDescription run) {
    this.shards = shards;
    this.fold = fold;
    this.merge = merge;
    this.run = run;
  }

  @Override
  public PCollection<String> expand(PBegin begin) {
    PCollectionTuple folded =
        begin
            .apply("PlannedShards", Create.of(shards).withCoder(ListCoder.of(PlannedObjectCoder.of())))
            .apply("ReadAndFold", new FoldObjects(fold));
    PCollection<List<byte[]>> sortedBuckets =
        folded.get(FoldShardFn.PARTIALS).apply("MergeBuckets", new MergeBuckets(merge));
    PCollection<ReadReport> report =
        folded.get(FoldShardFn.REPORTS).apply("MergeReports", Combine.globally(new ReadReportCombineFn()));
    return report.apply("Write", new WriteDigest(sortedBuckets, run));
  }
}
