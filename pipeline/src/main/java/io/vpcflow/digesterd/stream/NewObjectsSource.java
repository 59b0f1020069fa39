package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.pipeline.coders.PlannedObjectCoder;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The flow-log objects that land in the store, as an unbounded source: one reader polls the store
 * every {@code --streamPoll} ({@link StreamPoll}) and hands out each object once ({@link
 * NewObjectFeed}), in time order, in batches ({@link NewObjectsReader}) stamped with their first
 * object's event time, with the feed's watermark; {@link SplitBatchFn} then stamps each object with
 * its own. Listing is cheap next to reading, so the source is never split. Checkpoints ({@link
 * NewObjectsCheckpoint}) carry the keys handed out, so a runner restoring one (Flink, from its last
 * checkpoint) does not hand them out again.
 *
 * <p>An unbounded source rather than Beam's {@code Watch}: runners emit a source's elements and
 * watermarks from one thread, in order, so no object's parts can reach the window-closing step
 * behind a watermark that has passed them (on Flink, {@code Watch}'s splittable DoFn let the
 * watermark overtake objects of the same poll, which then counted as late).
 */
final class NewObjectsSource extends UnboundedSource<List<PlannedObject>, NewObjectsCheckpoint> {
  private static final long serialVersionUID = 1L;

  private final long firstWindowMillis;

  /** Objects that may hold records of windows from {@code firstWindow} on. */
  NewObjectsSource(Instant firstWindow) {
    this.firstWindowMillis = firstWindow.toEpochMilli();
  }

  @Override
  public List<NewObjectsSource> split(int desiredNumSplits, PipelineOptions options) {
    return List.of(this);
  }

  @Override
  public UnboundedReader<List<PlannedObject>> createReader(
      PipelineOptions options, @Nullable NewObjectsCheckpoint checkpoint) {
    return new NewObjectsReader(
        this, options.as(StreamOptions.class), Instant.ofEpochMilli(firstWindowMillis), checkpoint);
  }

  @Override
  public Coder<NewObjectsCheckpoint> getCheckpointMarkCoder() {
    return new NewObjectsCheckpoint.Coder();
  }

  @Override
  public Coder<List<PlannedObject>> getOutputCoder() {
    return ListCoder.of(PlannedObjectCoder.of());
  }
}
