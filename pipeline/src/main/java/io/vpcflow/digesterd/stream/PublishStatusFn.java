package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.pipeline.BundleObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.beam.sdk.coders.VarLongCoder;
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
 * Folds the stream's {@link StatusEvent}s, all sent under {@link #KEY}, into its {@link
 * StreamStatus} and writes it atomically to the status URI as the {@link StatusThrottle} says: on
 * each window's close, otherwise at most once per interval (a processing-time timer writes the
 * changes of the interval). A failed write is logged and retried with the next change; the stream
 * goes on.
 */
final class PublishStatusFn extends DoFn<KV<String, StatusEvent>, Void> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PublishStatusFn.class);

  /** The one key every status event is sent under. */
  static final String KEY = "status";

  private final StreamWindows windows;
  private final String statusUri;
  private final BundleObjects objects;
  private final StatusThrottle throttle;
  private final Instant startedAt;

  @StateId("status")
  private final StateSpec<ValueState<StreamStatus>> statusSpec =
      StateSpecs.value(StreamStatusCoder.of());

  @StateId("writtenAt")
  private final StateSpec<ValueState<Long>> writtenAtSpec = StateSpecs.value(VarLongCoder.of());

  @StateId("flushAt")
  private final StateSpec<ValueState<Long>> flushAtSpec = StateSpecs.value(VarLongCoder.of());

  @TimerId("flush")
  private final TimerSpec flushSpec = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);

  /**
   * @param windows the stream's windows
   * @param statusUri where the document is written
   * @param throttle how often it is written
   * @param startedAt when this run of the stream started
   */
  PublishStatusFn(
      StreamWindows windows, String statusUri, StatusThrottle throttle, Instant startedAt) {
    this.windows = windows;
    this.statusUri = statusUri;
    this.objects = new BundleObjects(statusUri);
    this.throttle = throttle;
    this.startedAt = startedAt;
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
      @Element KV<String, StatusEvent> element,
      @StateId("status") ValueState<StreamStatus> status,
      @StateId("writtenAt") ValueState<Long> writtenAt,
      @StateId("flushAt") ValueState<Long> flushAt,
      @TimerId("flush") Timer flush) {
    StatusEvent event = element.getValue();
    StreamStatus current =
        Optional.ofNullable(status.read()).orElse(StreamStatus.started(startedAt));
    StreamStatus next = current.with(event, windows);
    status.write(next);
    Instant now = Instant.now();
    Instant at =
        throttle.writeAt(
            event.kind() == StatusEvent.Kind.WINDOW_CLOSED,
            Optional.ofNullable(writtenAt.read()).map(Instant::ofEpochMilli),
            now);
    if (at.isAfter(now)) {
      if (flushAt.read() == null) {
        flushAt.write(at.toEpochMilli());
        flush.withNoOutputTimestamp().set(CloseWindowFn.joda(at));
      }
    } else {
      write(next, now, status, writtenAt);
    }
  }

  @OnTimer("flush")
  public void onFlush(
      @StateId("status") ValueState<StreamStatus> status,
      @StateId("writtenAt") ValueState<Long> writtenAt,
      @StateId("flushAt") ValueState<Long> flushAt) {
    flushAt.clear();
    StreamStatus current = status.read();
    if (current != null) {
      write(current, Instant.now(), status, writtenAt);
    }
  }

  private void write(
      StreamStatus current,
      Instant now,
      ValueState<StreamStatus> status,
      ValueState<Long> writtenAt) {
    StreamStatus stamped = current.updated(now);
    byte[] json = StreamStatusJson.write(stamped).getBytes(StandardCharsets.UTF_8);
    try {
      objects.get().put(statusUri, json);
      status.write(stamped);
      writtenAt.write(now.toEpochMilli());
    } catch (IOException e) {
      LOG.warn("cannot write the stream status to {}: {}", statusUri, e.getMessage());
    }
  }
}
