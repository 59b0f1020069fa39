package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.DigestChunk;
import java.util.List;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Brings the chunks of each key bucket together and merges every bucket into its sorted digest
 * lines. Buckets merge in parallel; only (shards × buckets) chunks cross the shuffle, never single
 * keys.
 */
final class MergeBuckets
    extends PTransform<PCollection<KV<Integer, DigestChunk>>, PCollection<List<byte[]>>> {
  private static final long serialVersionUID = 1L;
  private final MergeBucketFn merge;

  MergeBuckets(MergeBucketFn merge) {
    this.merge = merge;
  }

  @Override
  public PCollection<List<byte[]>> expand(PCollection<KV<Integer, DigestChunk>> chunks) {
    return chunks
        .apply("GroupByBucket", GroupByKey.create())
        .apply("MergeBucket", ParDo.of(merge))
        .setCoder(ListCoder.of(ByteArrayCoder.of()));
  }
}
