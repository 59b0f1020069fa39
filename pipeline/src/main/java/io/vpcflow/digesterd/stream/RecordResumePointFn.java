package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.pipeline.BundleObjects;
import io.vpcflow.digesterd.s3.BucketPurpose;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.state.BagState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the stream's {@link ResumePoint} as windows close. Every closed window (its start, with
 * the element time stamp of its close, emitted by {@link CloseWindowFn}) arrives under one key, so
 * the point is advanced and written by one writer at a time. The point moves past a closed window
 * only when this step's event-time timer at the window's close fires: {@link CloseWindowFn}'s close
 * timers hold its output watermark at each window's close until that window's digest is written, so
 * by then every window closing earlier has arrived here too and none can be skipped. Once a point
 * is stored, what the stream saved that no restart from it needs is deleted ({@link
 * SavedParts#prunable}); a failed deletion is logged and tried again at the next point.
 */
final class RecordResumePointFn extends DoFn<KV<String, Long>, Void> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RecordResumePointFn.class);

  /** The one key every closed window is sent under. */
  static final String KEY = "resume";

  private final StreamWindows windows;
  private final String stateUri;
  private final BundleObjects objects;
  private final ResumePoint initial;
  private final StreamStateFiles files;
  private final Duration slackBefore;

  @StateId("closed")
  private final StateSpec<BagState<Long>> closedSpec = StateSpecs.bag(VarLongCoder.of());

  @StateId("point")
  private final StateSpec<ValueState<Long>> pointSpec = StateSpecs.value(VarLongCoder.of());

  @StateId("timerAt")
  private final StateSpec<ValueState<Long>> timerAtSpec = StateSpecs.value(VarLongCoder.of());

  @TimerId("advance")
  private final TimerSpec advanceSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

  /**
   * @param windows the stream's windows
   * @param stateUri where the point is stored
   * @param initial the point the stream started from
   * @param files the stream's saved parts and read records
   * @param slackBefore how long before a window an object's stamp may be and hold its records
   */
  RecordResumePointFn(
      StreamWindows windows,
      String stateUri,
      ResumePoint initial,
      StreamStateFiles files,
      Duration slackBefore) {
    this.windows = windows;
    this.stateUri = stateUri;
    this.objects = new BundleObjects(stateUri);
    this.initial = initial;
    this.files = files;
    this.slackBefore = slackBefore;
  }

  @StartBundle
  public void startBundle(StartBundleContext context) {
    objects.open(context.getPipelineOptions());
  }

  @Teardown
  public void teardown() {
    objects.close();
  }

  @ProcessElement
  public void process(
      @Element KV<String, Long> element,
      @StateId("closed") BagState<Long> closed,
      @StateId("timerAt") ValueState<Long> timerAt,
      @TimerId("advance") Timer advance) {
    long start = element.getValue();
    closed.add(start);
    long due = windows.closesAt(start).toEpochMilli();
    Long at = timerAt.read();
    if (at == null || due < at) {
      timerAt.write(due);
      advance.withNoOutputTimestamp().set(org.joda.time.Instant.ofEpochMilli(due));
    }
  }

  @OnTimer("advance")
  public void onAdvance(
      OnTimerContext context,
      @StateId("closed") BagState<Long> closed,
      @StateId("point") ValueState<Long> point,
      @StateId("timerAt") ValueState<Long> timerAt,
      @TimerId("advance") Timer advance)
      throws IOException {
    Instant reached = Instant.ofEpochMilli(context.fireTimestamp().getMillis());
    List<Long> all = new ArrayList<>();
    closed.read().forEach(all::add);
    Long stored = point.read();
    ResumePoint before = stored == null ? initial : new ResumePoint(Instant.ofEpochSecond(stored));
    ResumePoint after = before.advance(all, reached, windows);
    if (after.window().isAfter(before.window())) {
      ResumePointFile.write(objects.get(), stateUri, after);
      point.write(after.window().getEpochSecond());
      LOG.info(
          "stream resume point {} stored in {}", after.window(), BucketPurpose.display(stateUri));
      prune(after);
    }
    closed.clear();
    timerAt.clear();
    Long next = null;
    for (long start : all) {
      if (windows.closesAt(start).isAfter(reached)) {
        closed.add(start);
        long due = windows.closesAt(start).toEpochMilli();
        next = next == null ? due : Math.min(next, due);
      }
    }
    if (next != null) {
      timerAt.write(next);
      advance.withNoOutputTimestamp().set(org.joda.time.Instant.ofEpochMilli(next));
    }
  }

  private void prune(ResumePoint stored) {
    try {
      List<String> names =
          SavedParts.prunable(
              files.fileNames(objects.get(), SavedParts.READ),
              files.fileNames(objects.get(), SavedParts.PARTS),
              stored.window(),
              slackBefore);
      files.delete(objects.get(), names);
      LOG.debug("{} saved parts and read records before {} deleted", names.size(), stored.window());
    } catch (IOException e) {
      LOG.warn(
          "cannot delete the saved parts and read records before {}: {}",
          stored.window(),
          e.getMessage());
    }
  }
}
