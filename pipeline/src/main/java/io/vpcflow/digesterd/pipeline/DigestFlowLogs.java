package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.pipeline.coders.PlannedObjectCoder;
import java.util.List;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * The whole digest of one window: shards of planned objects → read and fold each shard into a
 * sorted run → merge the runs into the digest in one streaming pass and write its summary.
 * Outputs the digest's Beam resource name.
 */
final class DigestFlowLogs extends PTransform<PBegin, PCollection<String>> {
  private static final long serialVersionUID = 1L;
  private final transient List<List<PlannedObject>> shards;
  private final FoldShardFn fold;
  private final WriteDigestFn write;

  /** @param shards the objects dealt into shards; at least one shard, which may be empty */
  DigestFlowLogs(
      List<List<PlannedObject>> shards, FoldShardFn fold, WriteDigestFn write) {
    if (shards.isEmpty()) {
      throw new IllegalArgumentException("at least one shard is needed, even an empty one");
    }
    this.shards = shards;
    this.fold = fold;
    this.write = write;
  }

  @Override
  public PCollection<String> expand(PBegin begin) {
    return begin
        .apply("PlannedShards", Create.of(shards).withCoder(ListCoder.of(PlannedObjectCoder.of())))
        .apply("ReadAndFold", new FoldObjects(fold))
        .apply("Write", new WriteDigest(write));
  }
}
