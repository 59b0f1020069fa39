package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.pipeline.DoFnWarmUp;
import io.vpcflow.digesterd.pipeline.OptionArgs;
import io.vpcflow.digesterd.pipeline.SmallObjects;
import io.vpcflow.digesterd.pipeline.StoreUris;
import io.vpcflow.digesterd.pipeline.coders.PlannedObjectCoder;
import io.vpcflow.digesterd.s3.S3ClientFactory;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.options.StreamingOptions;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TupleTagList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming digest pipeline: {@code main → run(options) → build(pipeline, options, start,
 * now)}. {@link #run} takes over the stream's folder ({@link #takeOver}: the resume point, saved
 * parts); {@link #build} only builds the graph.
 *
 * <ol>
 *   <li><b>ReadNewObjects</b>: <b>WatchObjects</b>, an unbounded source ({@link NewObjectsSource}),
 *       polls the flow-log store every {@code --streamPoll} ({@link StreamPoll}), outputs each
 *       object once (deduplicated by key), in small batches, and advances the watermark by the
 *       objects' time stamps; <b>SplitBatches</b> outputs each object at its own event time;
 *       <b>SpreadObjects</b> spreads them over the workers (one reader lists them; {@link
 *       RunnerFeed#spreadKeys}); <b>ReadWindowParts</b> reads each object once, its records folded
 *       per window, and saves the parts and the object's read record in the stream's folder ({@link
 *       SavedParts}).
 *   <li><b>RestoreSavedParts</b> (<b>SavedParts</b>, <b>RestoreParts</b>): after a restart, the
 *       saved parts of the objects read before, which are not read again; <b>AllParts</b> joins
 *       them to the new ones.
 *   <li><b>CloseWindows</b>: the parts of a window are kept until the watermark passes its end plus
 *       the lateness, then merged into its digest exactly as the batch path does; its saved parts
 *       are then deleted.
 *   <li><b>RecordResumePoint</b>: the first window not closed yet is stored ({@link ResumePoint},
 *       {@code --streamState}); a stream started again begins there. What no restart from it needs
 *       is then deleted from the folder.
 *   <li><b>StatusEvents</b> and <b>PublishStatus</b>: what the readers and the windows report is
 *       folded into the stream's {@link StreamStatus}, written next to the resume point ({@link
 *       #statusUri}) at each window's close and at most every {@code --streamStatusEvery}.
 * </ol>
 */
public final class DigestStream {
  private static final Logger LOG = LoggerFactory.getLogger(DigestStream.class);
  private static final KvCoder<Long, WindowPart> PART_CODER =
      KvCoder.of(VarLongCoder.of(), WindowPartCoder.of());
  private static final KvCoder<String, StatusEvent> STATUS_CODER =
      KvCoder.of(StringUtf8Coder.of(), StatusEventCoder.of());

  private DigestStream() {}

  /** Runs the stream with options from the command line until the process ends. */
  public static void main(String[] args) {
    StreamOptions options = OptionArgs.parseValid(StreamOptions.class, args);
    run(options).waitUntilFinish();
  }

  /**
   * Starts the stream in streaming mode and returns at once; it runs until {@link
   * PipelineResult#cancel()}. Takes over the stream's folder first ({@link #takeOver}).
   *
   * @throws UncheckedIOException when the stream's folder cannot be read or written
   */
  public static PipelineResult run(StreamOptions options) {
    S3ClientFactory.useInBeam(options);
    options.as(StreamingOptions.class).setStreaming(true);
    options.as(DirectOptions.class).setBlockOnRun(false);
    Instant now = Instant.now();
    StreamStart start = takeOver(options, now);
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options, start, now);
    DoFnWarmUp.start(pipeline);
    return pipeline.run();
  }

  /**
   * Where a stream starts: its first window, and the objects read and parts saved by an earlier run
   * that it keeps ({@link SavedParts#plan}).
   */
  public record StreamStart(Instant firstWindow, SavedParts.Restore restore) {}

  /**
   * Takes over the stream's folder at {@code now}: the first window is chosen from the stored
   * resume point, else {@code --streamFrom}, else the first window still open. With a stored point,
   * the objects read before (their read records in the folder) are not read again and their saved
   * parts are restored. Without one (a fresh start), the folder's parts and read records are
   * deleted and the chosen first window is stored as the point, so that all the stream saves
   * belongs to a stored point. Registers the options' file systems first.
   *
   * @throws UncheckedIOException when the stream's folder cannot be read or written
   */
  public static StreamStart takeOver(StreamOptions options, Instant now) {
    FileSystems.setDefaultPipelineOptions(options);
    String stateUri = stateUri(options);
    String stateResource = StoreUris.resourceName(options, stateUri);
    StreamStateFiles files = stateFiles(options);
    try (SmallObjects objects = SmallObjects.under(stateResource, options)) {
      Optional<ResumePoint> saved = ResumePointFile.read(objects, stateResource);
      Instant firstWindow = firstWindow(options, windows(options), saved, now);
      if (saved.isEmpty()) {
        files.clear(objects);
        ResumePointFile.write(objects, stateResource, new ResumePoint(firstWindow));
      }
      List<String> takenOver =
          SavedParts.takenOver(
              files.fileNames(objects, SavedParts.READ),
              firstWindow,
              options.getObjectSlackBefore());
      SavedParts.Restore restore =
          SavedParts.plan(
              takenOver,
              files.readRecords(
                  objects, takenOver.stream().filter(SavedParts::contentNeeded).toList()),
              files.fileNames(objects, SavedParts.PARTS),
              firstWindow);
      LOG.info(
          "stream from {}: {} objects read before, {} saved parts restored",
          firstWindow,
          restore.alreadyRead().size(),
          restore.parts().size());
      return new StreamStart(firstWindow, restore);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take over the stream's state next to " + stateUri, e);
    }
  }

  /**
   * Adds the stream to {@code pipeline}, starting as {@code start} says; its status counts from
   * {@code now}. Reads and writes nothing.
   */
  public static void build(
      Pipeline pipeline, StreamOptions options, StreamStart start, Instant now) {
    StreamWindows windows = windows(options);
    StreamStateFiles files = stateFiles(options);
    Instant firstWindow = start.firstWindow();
    PCollectionTuple read =
        pipeline.apply(
            "ReadNewObjects",
            new ReadNewObjects(
                windows, firstWindow, options, files, start.restore().alreadyRead()));
    PCollection<KV<Long, WindowPart>> restored =
        pipeline.apply(
            "RestoreSavedParts",
            new RestoreSavedParts(start.restore().parts(), options.getObjectSlackAfter(), files));
    PCollectionTuple closed =
        PCollectionList.of(read.get(ReadWindowPartsFn.PARTS))
            .and(restored)
            .apply("AllParts", Flatten.pCollections())
            .setCoder(PART_CODER)
            .apply(
                "CloseWindows",
                ParDo.of(
                        new CloseWindowFn(
                            windows,
                            new StoredWindows(
                                windows,
                                StoreLocation.parse(options.getStorageBucket()).toString(),
                                options.getRunner().getSimpleName(),
                                files)))
                    .withOutputTags(CloseWindowFn.CLOSED, TupleTagList.of(CloseWindowFn.STATUS)));
    closed.get(CloseWindowFn.CLOSED).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    closed.get(CloseWindowFn.STATUS).setCoder(STATUS_CODER);
    closed
        .get(CloseWindowFn.CLOSED)
        .apply(
            "RecordResumePoint",
            ParDo.of(
                new RecordResumePointFn(
                    windows,
                    StoreUris.resourceName(options, stateUri(options)),
                    new ResumePoint(firstWindow),
                    files,
                    options.getObjectSlackBefore())))
        .setCoder(VoidCoder.of());
    PCollectionList.of(read.get(ReadWindowPartsFn.STATUS))
        .and(closed.get(CloseWindowFn.STATUS))
        .apply("StatusEvents", Flatten.pCollections())
        .setCoder(STATUS_CODER)
        .apply(
            "PublishStatus",
            ParDo.of(
                new PublishStatusFn(
                    windows,
                    StoreUris.resourceName(options, statusUri(options)),
                    new StatusThrottle(options.getStreamStatusEvery()),
                    now)))
        .setCoder(VoidCoder.of());
  }

  /**
   * WatchObjects, SpreadObjects and ReadWindowParts: each new object of the flow-log store read
   * once, into its windows' parts ({@link ReadWindowPartsFn#PARTS}) and status events ({@link
   * ReadWindowPartsFn#STATUS}).
   */
  private static final class ReadNewObjects extends PTransform<PBegin, PCollectionTuple> {
    private final StreamWindows windows;
    private final Instant firstWindow;
    private final int maxLineBytes;
    private final int readBufferBytes;
    private final StreamStateFiles files;
    private final Set<String> alreadyRead;
    private final Duration slackAfter;
    private final String runnerName;
    private final int targetParallelism;

    ReadNewObjects(
        StreamWindows windows,
        Instant firstWindow,
        StreamOptions options,
        StreamStateFiles files,
        Set<String> alreadyRead) {
      this.windows = windows;
      this.firstWindow = firstWindow;
      this.maxLineBytes = options.getMaxLineBytes();
      this.readBufferBytes = options.getReadBufferBytes();
      this.files = files;
      this.alreadyRead = alreadyRead;
      this.slackAfter = options.getObjectSlackAfter();
      this.runnerName = options.getRunner().getSimpleName();
      this.targetParallelism = options.as(DirectOptions.class).getTargetParallelism();
    }

    @Override
    public PCollectionTuple expand(PBegin begin) {
      Reshuffle.ViaRandomKey<PlannedObject> spread = Reshuffle.viaRandomKey();
      OptionalInt keys = RunnerFeed.spreadKeys(runnerName, targetParallelism);
      if (keys.isPresent()) {
        spread = spread.withNumBuckets(keys.getAsInt());
      }
      PCollectionTuple read =
          begin
              .apply("WatchObjects", Read.from(new NewObjectsSource(firstWindow)))
              .apply("SplitBatches", ParDo.of(new SplitBatchFn(slackAfter)))
              .setCoder(PlannedObjectCoder.of())
              .apply("SpreadObjects", spread)
              .apply(
                  "ReadWindowParts",
                  ParDo.of(
                          new ReadWindowPartsFn(
                              windows,
                              firstWindow.getEpochSecond(),
                              maxLineBytes,
                              readBufferBytes,
                              files,
                              alreadyRead,
                              RunnerFeed.batchesPerBundle(runnerName)))
                      .withOutputTags(
                          ReadWindowPartsFn.PARTS, TupleTagList.of(ReadWindowPartsFn.STATUS)));
      read.get(ReadWindowPartsFn.PARTS).setCoder(PART_CODER);
      read.get(ReadWindowPartsFn.STATUS).setCoder(STATUS_CODER);
      return read;
    }
  }

  /**
   * SavedParts and RestoreParts: the parts an earlier run saved and this one keeps, read back from
   * the stream's folder, each at the event time of its batch's earliest object.
   */
  private static final class RestoreSavedParts
      extends PTransform<PBegin, PCollection<KV<Long, WindowPart>>> {
    private final List<SavedParts.RestoredPart> parts;
    private final Duration slackAfter;
    private final StreamStateFiles files;

    RestoreSavedParts(
        List<SavedParts.RestoredPart> parts, Duration slackAfter, StreamStateFiles files) {
      this.parts = parts;
      this.slackAfter = slackAfter;
      this.files = files;
    }

    @Override
    public PCollection<KV<Long, WindowPart>> expand(PBegin begin) {
      return begin
          .apply(
              "SavedParts",
              Create.timestamped(
                      parts.stream()
                          .map(
                              p ->
                                  TimestampedValue.of(
                                      p.name(),
                                      CloseWindowFn.joda(
                                          StreamPoll.eventTime(p.stamp(), slackAfter))))
                          .toList())
                  .withCoder(StringUtf8Coder.of()))
          .apply("RestoreParts", ParDo.of(new RestorePartsFn(files)))
          .setCoder(PART_CODER);
    }
  }

  private static StreamStateFiles stateFiles(StreamOptions options) {
    return new StreamStateFiles(StoreUris.resourceName(options, besideState(options, "")));
  }

  /**
   * Where the stream's resume point is kept, as users see it: {@code --streamState}, else under the
   * storage. It is read and written as the bucket {@link StoreUris#resourceName} says.
   */
  public static String stateUri(StreamOptions options) {
    if (!options.getStreamState().isBlank()) {
      return options.getStreamState();
    }
    return StoreLocation.parse(options.getStorageBucket()).resolve("stream/state.json");
  }

  /**
   * Where the stream's status document ({@link StreamStatus}) is kept: {@code status.json} next to
   * the resume point ({@link #stateUri}).
   */
  public static String statusUri(StreamOptions options) {
    return besideState(options, "status.json");
  }

  /** The URI of {@code name} in the folder of the stream's resume point. */
  static String besideState(StreamOptions options, String name) {
    String state = stateUri(options);
    return state.substring(0, state.lastIndexOf('/') + 1) + name;
  }

  /** The stream's windows from the options. */
  public static StreamWindows windows(StreamOptions options) {
    return new StreamWindows(options.getStreamWindow(), options.getStreamLateness());
  }

  /**
   * The start of the first window the stream digests ({@link ResumePoint#firstWindow}): the {@code
   * saved} resume point, or else the window holding {@code --streamFrom}, or else the first window
   * still open at {@code now} (taking event time to be {@code now} minus the object slack after, as
   * the watermark does).
   */
  public static Instant firstWindow(
      StreamOptions options, StreamWindows windows, Optional<ResumePoint> saved, Instant now) {
    Optional<Instant> from =
        options.getStreamFrom().isBlank()
            ? Optional.empty()
            : Optional.of(
                DigestWindow.parse(options.getStreamFrom(), "9999-12-31T00:00:00Z").start());
    Instant watermark = StreamPoll.eventTime(now, options.getObjectSlackAfter());
    return ResumePoint.firstWindow(saved, from, watermark, windows);
  }
}
