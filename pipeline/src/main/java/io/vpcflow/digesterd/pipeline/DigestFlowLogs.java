package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.DigestKey;
import io.vpcflow.digesterd.digest.DigestTotals;
import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.pipeline.coders.PlannedObjectCoder;
import io.vpcflow.digesterd.report.ReadReport;
import java.util.List;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The whole digest of one window: shards of planned objects → read and fold each shard → combine
 * partial totals per key → write the sorted digest and its summary. Outputs the digest's URI.
 */
final class DigestFlowLogs extends PTransform<PBegin, PCollection<String>> {
  private static final long serialVersionUID = 1L;
  private final transient List<List<PlannedObject>> shards;
  private final FoldShardFn fold;
  private final RunDescription run;

  DigestFlowLogs(List<List<PlannedObject>> shards, FoldShardFn fold, RunDescription run) {
    this.shards = shards;
    this.fold = fold;
    this.run = run;
  }

  @Override
  public PCollection<String> expand(PBegin begin) {
    PCollectionTuple folded =
        begin
            .apply("PlannedShards", Create.of(shards).withCoder(ListCoder.of(PlannedObjectCoder.of())))
            .apply("ReadAndFold", new FoldObjects(fold));
    PCollection<KV<DigestKey, DigestTotals>> totals =
        folded
            .get(FoldShardFn.PARTIALS)
            .apply("CombinePerKey", Combine.perKey(new DigestTotalsCombineFn()));
    PCollection<ReadReport> report =
        folded.get(FoldShardFn.REPORTS).apply("MergeReports", Combine.globally(new ReadReportCombineFn()));
    return report.apply("Write", new WriteDigest(totals, run));
  }
}
