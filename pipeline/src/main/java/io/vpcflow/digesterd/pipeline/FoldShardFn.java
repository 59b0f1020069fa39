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
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every object of one shard and folds its window records into a single table, so that
 * only one partial total per key and shard crosses the shuffle, in one {@link DigestChunk} per
 * key bucket. Each object is folded into its own table first and merged only once read to its
 * end, so a corrupt object contributes nothing. Emits the chunks, keyed by bucket, on the main
 * output and one {@link ReadReport} on {@link #REPORTS}.
 */
final class FoldShardFn extends DoFn<List<PlannedObject>, KV<Integer, DigestChunk>> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(FoldShardFn.class);

  /** The main output: partial totals of one bucket of keys. */
  static final TupleTag<KV<Integer, DigestChunk>> PARTIALS = new TupleTag<>() {};
  /** The report of the shard. */
  static final TupleTag<ReadReport> REPORTS = new TupleTag<>() {};

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
  public void process(@Element List<PlannedObject> shard, MultiOutputReceiver out)
      throws IOException {
    DigestTable shardTable = new DigestTable(windowStart, windowStop);
    ReadReport report = new ReadReport();
    for (PlannedObject object : shard) {
      DigestTable objectTable = new DigestTable(windowStart, windowStop);
      try {
        ObjectParseResult result = reader.read(object, objectTable);
        shardTable.mergeAll(objectTable);
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
        report.addSkipped(new SkippedObject(object.key(), SkippedObject.CORRUPT, e.getMessage()));
      }
      objectsRead.inc();
      bytesRead.inc(object.size());
      RunProgress.objectDone(progressKey, object.size());
    }
    List<DigestChunk> chunks = DigestChunk.split(shardTable, buckets);
    for (int bucket = 0; bucket < buckets; bucket++) {
      out.get(PARTIALS).output(KV.of(bucket, chunks.get(bucket)));
    }
    out.get(REPORTS).output(report);
  }
}
