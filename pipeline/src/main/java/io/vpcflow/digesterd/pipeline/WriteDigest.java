package io.vpcflow.digesterd.pipeline;

import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/** Gathers every shard's sorted run in one place and writes the digest and its summary. */
final class WriteDigest extends PTransform<PCollection<KV<Integer, ShardRun>>, PCollection<String>> {
  private static final long serialVersionUID = 1L;
  private final WriteDigestFn write;

  WriteDigest(WriteDigestFn write) {
    this.write = write;
  }

  @Override
  public PCollection<String> expand(PCollection<KV<Integer, ShardRun>> runs) {
    return runs.apply("GatherRuns", GroupByKey.create()).apply("WriteObjects", ParDo.of(write));
  }
}
