package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.pipeline.DigestPipeline;
import io.vpcflow.digesterd.pipeline.StoreUris;
import io.vpcflow.digesterd.pipeline.coders.PlannedObjectCoder;
import io.vpcflow.digesterd.source.StoreLocation;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.StreamingOptions;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Requirements;
import org.apache.beam.sdk.transforms.Watch;

/**
 * The streaming digest pipeline: {@code main → run(options) → build(pipeline, options)}.
 *
 * <ol>
 *   <li><b>WatchObjects</b>: Beam's {@link Watch} polls the flow-log store every {@code
 *       --streamPoll} ({@link StreamPoll}), outputs each object once (deduplicated by key) and
 *       advances the watermark by the objects' time stamps.
 *   <li><b>ReadWindowParts</b>: each object is read once, its records folded per window.
 *   <li><b>CloseWindows</b>: the parts of a window are kept until the watermark passes its end
 *       plus the lateness, then merged into its digest exactly as the batch path does.
 *   <li><b>RecordResumePoint</b>: the first window not closed yet is stored ({@link
 *       ResumePoint}, {@code --streamState}); a stream started again begins there.
 * </ol>
 */
public final class DigestStream {
  private DigestStream() {}

  /** Runs the stream with options from the command line until the process ends. */
  public static void main(String[] args) {
    PipelineOptionsFactory.register(StreamOptions.class);
    StreamOptions options = PipelineOptionsFactory.fromArgs(args).as(StreamOptions.class);
    run(options).waitUntilFinish();
  }

  /**
   * Starts the stream in streaming mode and returns at once; it runs until {@link
   * PipelineResult#cancel()}.
   */
  public static PipelineResult run(StreamOptions options) {
    DigestPipeline.useOurS3Clients(options);
    options.as(StreamingOptions.class).setStreaming(true);
    options.as(DirectOptions.class).setBlockOnRun(false);
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options, Instant.now());
    return pipeline.run();
  }

  /**
   * Adds the stream to {@code pipeline}, its first window chosen at {@code now} from the stored
   * resume point, else {@code --streamFrom}, else the first window still open.
   *
   * @throws UncheckedIOException when the stored resume point cannot be read
   */
  public static void build(Pipeline pipeline, StreamOptions options, Instant now) {
    StreamWindows windows = windows(options);
    String stateUri = stateUri(options);
    String stateResource = StoreUris.resourceName(options, stateUri);
    Optional<ResumePoint> saved;
    try {
      saved = ResumePointFile.read(stateResource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stream's resume point " + stateUri, e);
    }
    Instant firstWindow = firstWindow(options, windows, saved, now);
    String flowLogs =
        StoreLocation.parse(options.getFlowLogsBucket()).withPrefix(options.getFlowLogsPrefix()).toString();
    pipeline
        .apply("FlowLogStore", Create.of(flowLogs).withCoder(StringUtf8Coder.of()))
        .apply(
            "WatchObjects",
            Watch.growthOf(
                    Contextful.of(new ListNewObjectsFn(options, firstWindow), Requirements.empty()),
                    PlannedObject::key)
                .withPollInterval(
                    org.joda.time.Duration.millis(Duration.parse(options.getStreamPoll()).toMillis()))
                .withTerminationPerInput(Watch.Growth.never())
                .withOutputCoder(PlannedObjectCoder.of())
                .withOutputKeyCoder(StringUtf8Coder.of()))
        .apply(
            "ReadWindowParts",
            ParDo.of(
                new ReadWindowPartsFn(
                    windows,
                    firstWindow.getEpochSecond(),
                    options.getMaxLineBytes(),
                    options.getReadBufferBytes())))
        .setCoder(KvCoder.of(VarLongCoder.of(), WindowPartCoder.of()))
        .apply(
            "CloseWindows",
            ParDo.of(
                new CloseWindowFn(
                    windows,
                    StoreLocation.parse(options.getStorageBucket()).toString(),
                    options.getRunner().getSimpleName())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply(
            "RecordResumePoint",
            ParDo.of(new RecordResumePointFn(windows, stateResource, new ResumePoint(firstWindow))))
        .setCoder(VoidCoder.of());
  }

  /**
   * Where the stream's resume point is kept, as users see it: {@code --streamState}, else under
   * the storage. It is read and written as the bucket {@link StoreUris#resourceName} says.
   */
  public static String stateUri(StreamOptions options) {
    if (!options.getStreamState().isBlank()) {
      return options.getStreamState();
    }
    return StoreLocation.parse(options.getStorageBucket()).resolve("stream/state.json");
  }

  /** The stream's windows from the options. */
  public static StreamWindows windows(StreamOptions options) {
    return new StreamWindows(
        Duration.parse(options.getStreamWindow()), Duration.parse(options.getStreamLateness()));
  }

  /**
   * The start of the first window the stream digests ({@link ResumePoint#firstWindow}): the
   * {@code saved} resume point, or else the window holding {@code --streamFrom}, or else the
   * first window still open at {@code now} (taking event time to be {@code now} minus the object
   * slack after, as the watermark does).
   */
  public static Instant firstWindow(
      StreamOptions options, StreamWindows windows, Optional<ResumePoint> saved, Instant now) {
    Optional<Instant> from =
        options.getStreamFrom().isBlank()
            ? Optional.empty()
            : Optional.of(DigestWindow.parse(options.getStreamFrom(), "9999-12-31T00:00:00Z").start());
    Instant watermark = now.minus(Duration.parse(options.getObjectSlackAfter()));
    return ResumePoint.firstWindow(saved, from, watermark, windows);
  }
}
