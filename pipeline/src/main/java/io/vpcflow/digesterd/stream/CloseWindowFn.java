package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
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
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the parts of each open window (keyed by the window's start) and has its digest written
 * ({@link WindowStore#writeDigest}) when an event-time timer at its close ({@link
 * StreamWindows#closesAt}) fires. A window that already has a digest (built by a POST, or before a
 * restart) is not written again. Once the digest is written (or found), the window's saved parts
 * are deleted (when that fails, once the resume point has passed the window). A part that arrives
 * once its window is closed is late: its records are counted (counter {@code stream/late-records},
 * and {@link WindowStore#countLate} in the window's summary), never digested. A window is closed
 * once the input watermark, or the part's own time stamp (its object's event time), has reached its
 * close.
 *
 * <p>Each close timer holds this step's output watermark at the window's close until it fires; the
 * closed window's start is then output under {@link RecordResumePointFn#KEY}, stamped with its
 * close, for the resume point ({@link #CLOSED}). Each part taken, part late and window closed is
 * also told to the status step ({@link #STATUS}).
 */
final class CloseWindowFn extends DoFn<KV<Long, WindowPart>, KV<String, Long>> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(CloseWindowFn.class);

  /** The main output: the start of each closed window, for the resume point. */
  static final TupleTag<KV<String, Long>> CLOSED = new TupleTag<>() {};

  /** The status events: parts taken or late, windows closed. */
  static final TupleTag<KV<String, StatusEvent>> STATUS = new TupleTag<>() {};

  private final StreamWindows windows;
  private final WindowStore store;
  private final Counter lateRecords = Metrics.counter("stream", "late-records");
  private final Counter written = Metrics.counter("stream", "windows-written");
  private final Counter alreadyDigested = Metrics.counter("stream", "windows-already-digested");

  @StateId("window")
  private final StateSpec<ValueState<Long>> windowSpec = StateSpecs.value(VarLongCoder.of());

  @StateId("openedAt")
  private final StateSpec<ValueState<Long>> openedAtSpec = StateSpecs.value(VarLongCoder.of());

  @StateId("parts")
  private final StateSpec<BagState<WindowPart>> partsSpec = StateSpecs.bag(WindowPartCoder.of());

  @TimerId("close")
  private final TimerSpec closeSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

  /**
   * @param windows the stream's windows
   * @param store where windows' digests, late counts and saved parts are
   */
  CloseWindowFn(StreamWindows windows, WindowStore store) {
    this.windows = windows;
    this.store = store;
  }

  @StartBundle
  public void startBundle(StartBundleContext context) {
    store.open(context.getPipelineOptions());
  }

  @Teardown
  public void teardown() {
    store.close();
  }

  @ProcessElement
  public void process(
      @Element KV<Long, WindowPart> element,
      @Timestamp org.joda.time.Instant timestamp,
      @StateId("window") ValueState<Long> window,
      @StateId("openedAt") ValueState<Long> openedAt,
      @StateId("parts") BagState<WindowPart> parts,
      @TimerId("close") Timer close,
      MultiOutputReceiver out)
      throws IOException {
    long start = element.getKey();
    WindowPart part = element.getValue();
    Instant watermark = Instant.ofEpochMilli(close.getCurrentRelativeTime().getMillis());
    LOG.debug("part of window {} from {} at watermark {}", start, part.objectKey(), watermark);
    if (windows.isClosed(start, watermark)
        || windows.isClosed(start, Instant.ofEpochMilli(timestamp.getMillis()))) {
      lateRecords.inc(part.records());
      DigestWindow digestWindow = windows.window(start);
      store.countLate(digestWindow, part.records());
      LOG.warn(
          "{} records of {} in {} arrived after the window closed: counted as late, not digested",
          part.records(),
          digestWindow,
          part.objectKey());
      out.get(STATUS)
          .output(KV.of(PublishStatusFn.KEY, StatusEvent.partLate(start, part.records())));
      return;
    }
    if (openedAt.read() == null) {
      window.write(start);
      openedAt.write(System.currentTimeMillis());
      close.set(joda(windows.closesAt(start)));
    }
    parts.add(part);
    out.get(STATUS)
        .output(
            KV.of(
                PublishStatusFn.KEY, StatusEvent.partTaken(start, part.objects(), part.records())));
  }

  @OnTimer("close")
  public void onClose(
      @StateId("window") ValueState<Long> window,
      @StateId("openedAt") ValueState<Long> openedAt,
      @StateId("parts") BagState<WindowPart> parts,
      MultiOutputReceiver out)
      throws IOException {
    long start = window.read();
    DigestWindow digestWindow = windows.window(start);
    if (store.hasDigest(digestWindow)) {
      alreadyDigested.inc();
      LOG.info(
          "window {} already has its digest {}; not written again",
          digestWindow,
          digestWindow.digestId());
    } else {
      List<WindowPart> all = new ArrayList<>();
      parts.read().forEach(all::add);
      long keys =
          store.writeDigest(
              digestWindow, all, Instant.ofEpochMilli(openedAt.read()), Instant.now());
      written.inc();
      LOG.info(
          "window {} closed: digest {} written ({} keys)",
          digestWindow,
          digestWindow.digestId(),
          keys);
    }
    try {
      store.deleteParts(start);
    } catch (IOException e) {
      LOG.warn(
          "cannot delete the saved parts of {} (deleted once the resume point passes it): {}",
          digestWindow,
          e.getMessage());
    }
    parts.clear();
    openedAt.clear();
    out.get(CLOSED).output(KV.of(RecordResumePointFn.KEY, start));
    out.get(STATUS).output(KV.of(PublishStatusFn.KEY, StatusEvent.windowClosed(start)));
  }

  /** {@code instant} as Beam's (Joda) time. */
  static org.joda.time.Instant joda(Instant instant) {
    return org.joda.time.Instant.ofEpochMilli(instant.toEpochMilli());
  }
}
