package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.FoldBudget;
import io.vpcflow.digesterd.digest.SpillingFold;
import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.report.ReadReport;
import io.vpcflow.digesterd.report.SkippedObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every object of one shard and folds its window records into a table kept within the shard's
 * memory budget ({@link SpillingFold}): each time the table is full, and at the end, it is written
 * to the run's temporary directory as a sorted run file; only the runs' descriptors leave the
 * worker, with the shard's {@link ReadReport}. A corrupt object contributes nothing: when one is
 * found, the shard's runs are deleted and folded again from the intact objects. Stops before the
 * next object once its run is cancelled ({@link RunCancellation}).
 */
final class FoldShardFn extends DoFn<List<PlannedObject>, ShardResult> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(FoldShardFn.class);

  /** The settings of a shard's fold. */
  record Settings(
      long windowStart,
      long windowStop,
      int maxLineBytes,
      int readBufferBytes,
      CorruptObjectPolicy corruptPolicy,
      int foldMemoryMb,
      int shards,
      ProgressChannel progress,
      String runToken)
      implements java.io.Serializable {}

  private final Settings settings;
  private final SpillFiles spill;
  private final Counter objectsRead = Metrics.counter("digest", "objects-read");
  private final Counter bytesRead = Metrics.counter("digest", "bytes-read");
  private final Counter corruptObjects = Metrics.counter("digest", "corrupt-objects");
  private final Counter runsSpilled = Metrics.counter("digest", "runs-spilled");

  private transient FlowLogObjectReader reader;
  private transient long budgetBytes;

  FoldShardFn(Settings settings, SpillFiles spill) {
    this.settings = settings;
    this.spill = spill;
  }

  @Setup
  public void setup() {
    reader = new FlowLogObjectReader(settings.maxLineBytes(), settings.readBufferBytes());
    budgetBytes = FoldBudget.bytes(settings.foldMemoryMb(), settings.shards());
  }

  @ProcessElement
  public void process(@Element List<PlannedObject> shard, OutputReceiver<ShardResult> out)
      throws IOException {
    SpillingFold fold = newFold();
    List<PlannedObject> intact = new ArrayList<>();
    ReadReport report = new ReadReport();
    ProgressChannel.ShardReporter progress = settings.progress().shard(shard);
    for (PlannedObject object : shard) {
      RunCancellation.check(settings.runToken());
      try {
        ObjectParseResult result = read(object, fold);
        intact.add(object);
        report.addObject(result.storedBytes(), result.uncompressedBytes(), result.counts());
        for (String problem : result.formatProblems()) {
          report.addSkipped(
              new SkippedObject(object.key(), SkippedObject.FORMAT_LACKS_FIELDS, problem));
        }
      } catch (CorruptObjectException e) {
        corruptObjects.inc();
        if (settings.corruptPolicy() == CorruptObjectPolicy.FAIL) {
          throw new IOException("corrupt object " + object.uri() + ": " + e.getMessage(), e);
        }
        LOG.warn("skipping corrupt object {}: {}", object.uri(), e.getMessage());
        report.addSkipped(new SkippedObject(object.key(), SkippedObject.CORRUPT, e.getMessage()));
        fold = refold(fold, intact);
      }
      objectsRead.inc();
      bytesRead.inc(object.size());
      progress.objectDone(object.size());
    }
    ShardResult result = new ShardResult(fold.finish(), fold.spills(), report);
    runsSpilled.inc(fold.spills());
    progress.finish();
    out.output(result);
  }

  private SpillingFold newFold() {
    return new SpillingFold(
        settings.windowStart(),
        settings.windowStop(),
        budgetBytes,
        table -> RunCancellation.guard(settings.runToken(), () -> spill.writeRun(table)));
  }

  /** Reads one object into the fold; a run that cannot be spilled fails the shard. */
  private ObjectParseResult read(PlannedObject object, SpillingFold fold)
      throws IOException, CorruptObjectException {
    try {
      return reader.read(object, fold);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * A fold of the intact objects only: records of a corrupt object may already be in the shard's
   * table or runs, so the runs are deleted and the intact objects folded again. Corrupt objects are
   * rare; this keeps the common path to one fold and no copying.
   */
  private SpillingFold refold(SpillingFold broken, List<PlannedObject> intact) throws IOException {
    SpillFiles.delete(broken.runs());
    SpillingFold fold = newFold();
    for (PlannedObject object : intact) {
      try {
        read(object, fold);
      } catch (CorruptObjectException e) {
        throw new IOException(
            "object " + object.uri() + " changed while being read: " + e.getMessage(), e);
      }
    }
    return fold;
  }
}
