package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.SortedRun;
import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.report.ReadReport;
import io.vpcflow.digesterd.report.SkippedObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every object of one shard and folds its window records into a single table, so that
 * only one partial total per key and shard leaves the worker, as one compact {@link SortedRun}
 * with the shard's {@link ReadReport}, keyed for the single writer. A corrupt object contributes
 * nothing: when one is found, the shard's table is rebuilt from the intact objects. Stops before
 * the next object once its run is cancelled ({@link RunCancellation}).
 */
final class FoldShardFn extends DoFn<List<PlannedObject>, KV<Integer, ShardRun>> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(FoldShardFn.class);

  private final long windowStart;
  private final long windowStop;
  private final int maxLineBytes;
  private final int readBufferBytes;
  private final CorruptObjectPolicy corruptPolicy;
  private final String progressKey;
  private final String progressLocation;
  private final String runToken;
  private final Counter objectsRead = Metrics.counter("digest", "objects-read");
  private final Counter bytesRead = Metrics.counter("digest", "bytes-read");
  private final Counter corruptObjects = Metrics.counter("digest", "corrupt-objects");

  private transient FlowLogObjectReader reader;

  FoldShardFn(
      long windowStart,
      long windowStop,
      int maxLineBytes,
      int readBufferBytes,
      CorruptObjectPolicy corruptPolicy,
      String progressKey,
      String progressLocation,
      String runToken) {
    this.windowStart = windowStart;
    this.windowStop = windowStop;
    this.maxLineBytes = maxLineBytes;
    this.readBufferBytes = readBufferBytes;
    this.corruptPolicy = corruptPolicy;
    this.progressKey = progressKey;
    this.progressLocation = progressLocation;
    this.runToken = runToken;
  }

  @Setup
  public void setup() {
    reader = new FlowLogObjectReader(maxLineBytes, readBufferBytes);
  }

  @ProcessElement
  public void process(
      @Element List<PlannedObject> shard, OutputReceiver<KV<Integer, ShardRun>> out)
      throws IOException {
    DigestTable table = new DigestTable(windowStart, windowStop);
    List<PlannedObject> intact = new ArrayList<>();
    ReadReport report = new ReadReport();
    ShardProgressWriter progress = new ShardProgressWriter(progressKey, progressLocation, shard);
    for (PlannedObject object : shard) {
      RunCancellation.check(runToken);
      try {
        ObjectParseResult result = reader.read(object, table);
        intact.add(object);
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
        table = refold(intact);
      }
      objectsRead.inc();
      bytesRead.inc(object.size());
      progress.objectDone(object.size());
    }
    progress.finish();
    out.output(KV.of(0, new ShardRun(SortedRun.of(table), report)));
  }

  /**
   * A table of the intact objects only: records of a corrupt object may already be in the
   * shard's table, so it is rebuilt without them. Corrupt objects are rare; this keeps the common
   * path to one table and no copying.
   */
  private DigestTable refold(List<PlannedObject> intact) throws IOException {
    DigestTable table = new DigestTable(windowStart, windowStop);
    for (PlannedObject object : intact) {
      try {
        reader.read(object, table);
      } catch (CorruptObjectException e) {
        throw new IOException("object " + object.uri() + " changed while being read: " + e.getMessage(), e);
      }
    }
    return table;
  }
}
