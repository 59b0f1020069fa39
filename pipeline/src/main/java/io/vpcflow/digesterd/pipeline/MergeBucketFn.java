package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.DigestKey;
import io.vpcflow.digesterd.digest.DigestLines;
import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.digest.DigestTotals;
import io.vpcflow.digesterd.report.ReadReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Merges the partials of one key bucket from every shard into final totals, writes the bucket's
 * sorted digest lines as a temporary part (gzip, fastest level) and outputs where it is, keyed for
 * the single writer.
 */
final class MergeBucketFn extends DoFn<KV<Integer, Iterable<ShardPartial>>, KV<Integer, BucketPart>> {
  private static final long serialVersionUID = 1L;
  private final long windowStart;
  private final long windowStop;
  private final String partsPrefix;

  /**
   * @param partsPrefix the start of the parts' Beam resource names ({@code <prefix>bucket-N})
   */
  MergeBucketFn(long windowStart, long windowStop, String partsPrefix) {
    this.windowStart = windowStart;
    this.windowStop = windowStop;
    this.partsPrefix = partsPrefix;
  }

  @ProcessElement
  public void process(
      @Element KV<Integer, Iterable<ShardPartial>> bucket, OutputReceiver<KV<Integer, BucketPart>> out)
      throws IOException {
    DigestTable table = new DigestTable(windowStart, windowStop);
    ReadReport report = new ReadReport();
    for (ShardPartial partial : bucket.getValue()) {
      table.mergeAll(partial.chunk());
      report.merge(partial.report());
    }
    List<byte[]> lines = new ArrayList<>(table.size());
    for (Map.Entry<DigestKey, DigestTotals> entry : table.entries().entrySet()) {
      lines.add(DigestLines.render(entry.getKey(), entry.getValue()));
    }
    DigestLines.sort(lines);
    String uri = partsPrefix + "bucket-" + bucket.getKey();
    BeamFiles.writeAtomically(
        uri,
        raw -> {
          GZIPOutputStream gzip =
              new GZIPOutputStream(raw, 64 * 1024) {
                {
                  def.setLevel(Deflater.BEST_SPEED);
                }
              };
          DigestLines.write(lines, gzip);
          gzip.finish();
        });
    out.output(KV.of(0, new BucketPart(bucket.getKey(), uri, lines.size(), report)));
  }
}
