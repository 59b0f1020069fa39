package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.DigestChunk;
import io.vpcflow.digesterd.digest.DigestKey;
import io.vpcflow.digesterd.digest.DigestLines;
import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.digest.DigestTotals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Merges the partial chunks of one key bucket from every shard into final totals and outputs the
 * bucket's digest lines, sorted.
 */
final class MergeBucketFn extends DoFn<KV<Integer, Iterable<DigestChunk>>, List<byte[]>> {
  private static final long serialVersionUID = 1L;
  private final long windowStart;
  private final long windowStop;

  MergeBucketFn(long windowStart, long windowStop) {
    this.windowStart = windowStart;
    this.windowStop = windowStop;
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<DigestChunk>> bucket, OutputReceiver<List<byte[]>> out) {
    DigestTable table = new DigestTable(windowStart, windowStop);
    for (DigestChunk chunk : bucket.getValue()) {
      table.mergeAll(chunk);
    }
    List<byte[]> lines = new ArrayList<>(table.size());
    for (Map.Entry<DigestKey, DigestTotals> entry : table.entries().entrySet()) {
      lines.add(DigestLines.render(entry.getKey(), entry.getValue()));
    }
    DigestLines.sort(lines);
    out.output(lines);
  }
}
