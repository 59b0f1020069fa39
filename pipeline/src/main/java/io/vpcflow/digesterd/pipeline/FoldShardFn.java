package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.DigestChunk;
import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.report.ReadReport;
import io.vpcflow.digesterd.report.SkippedObject;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every object of one shard and folds its window records into a single table, so that
 * only one partial total per key and shard crosses the shuffle, in one {@link ShardPartial} per
 * key bucket (the shard's {@link ReadReport} rides on bucket 0). Each object is folded into its
 * own table first and moved into the shard's only once read to its end, so a corrupt object
 * contributes nothing.
 */
final class FoldShardFn extends DoFn<List<PlannedObject>, KV<Integer, ShardPartial>> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(FoldShardFn.class);

  private final long windowStart;
  private final long windowStop;
  private final int maxLineBytes;
  private final CorruptObjectPolicy corruptPolicy;
  private final String progressKey;
  private final int buckets;
  private final Counter objectsRead = Metrics.counter("digest", "objects-read");
  private final Counter bytesRead = Metrics.counter("digest", "bytes-read");
  private final Counter corruptObjects = Metrics.counter("digest", "corrupt-objects");

  private transient FlowLogObjectReader reader;

  FoldShardFn(
      long windowStart,
      long windowStop,
      int maxLineBytes,
      CorruptObjectPolicy corruptPolicy,
      String progressKey,
      int buckets) {
    this.buckets = buckets;
    this.windowStart = windowStart;
    this.windowStop = windowStop;
    this.maxLineBytes = maxLineBytes;
    this.corruptPolicy = corruptPolicy;
    this.progressKey = progressKey;
  }

  @Setup
  public void setup() {
    reader = new FlowLogObjectReader(maxLineBytes);
  }

  @ProcessElement
  public void process(
      @Element List<PlannedObject> shard, OutputReceiver<KV<Integer, ShardPartial>> out)
      throws IOException {
    DigestTable shardTable = new DigestTable(windowStart, windowStop);
    DigestTable objectTable = new DigestTable(windowStart, windowStop);
    ReadReport report = new ReadReport();
    for (PlannedObject object : shard) {
      try {
        ObjectParseResult result = reader.read(object, objectTable);
        shardTable.absorb(objectTable);
        report.addObject(object.size(), result.uncompressedBytes(), result.counts());
        for (String problem : result.formatProblems()) {
          report.addSkipped(
              new SkippedObject(object.key(), SkippedObject.FORMAT_LACKS_FIELDS, problem));
        }
      } catch (CorruptObjectException e) {
        corruptObjects.inc();
        if (corruptPolicy == CorruptObjectPolicy.FAIL) {
          throw new IOException("corrupt object " + object.uri() + ": " + e.getMessage(), e);
        }
        LOG.warn("skipping corrupt object {}: {}", object.uri(), e.getMessage());
        objectTable = new DigestTable(windowStart, windowStop);
        report.addSkipped(new SkippedObject(object.key(), SkippedObject.CORRUPT, e.getMessage()));
      }
      objectsRead.inc();
      bytesRead.inc(object.size());
      RunProgress.objectDone(progressKey, object.size());
    }
    List<DigestChunk> chunks = DigestChunk.split(shardTable, buckets);
    for (int bucket = 0; bucket < buckets; bucket++) {
      out.output(KV.of(bucket, new ShardPartial(chunks.get(bucket), bucket == 0 ? report : new ReadReport())));
    }
  }
}
