package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import io.vpcflow.digesterd.flowlog.RecordHandler;
import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.pipeline.BundleObjects;
import io.vpcflow.digesterd.pipeline.CorruptObjectException;
import io.vpcflow.digesterd.pipeline.FlowLogObjectReader;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads new objects with the batch path's reader and folds the records of all the objects of a
 * bundle per window ({@link ReadBatch}); when the bundle finishes, saves the batch's parts and then
 * its read record ({@link SavedParts}, in this order), then outputs one {@link WindowPart} per
 * window the batch touched, keyed by the window's start ({@link #PARTS}) and stamped with the event
 * time of the batch's earliest object, and tells the status step it read each object ({@link
 * #STATUS}). Records of a window already closed at their own object's event time are output as that
 * object's part (counted, never saved), at its event time. An object read before a restart (its id
 * in {@code alreadyRead}) is not read again: its parts are restored instead ({@link
 * RestorePartsFn}); only the status step hears of it. A corrupt object is skipped whole (logged and
 * counted, and recorded as read), as the batch path does by default: the other objects of its
 * bundle are folded again without it.
 */
final class ReadWindowPartsFn extends DoFn<PlannedObject, KV<Long, WindowPart>> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ReadWindowPartsFn.class);

  /** The main output: the parts of each window the objects touched. */
  static final TupleTag<KV<Long, WindowPart>> PARTS = new TupleTag<>() {};

  /** The status events: one per object read or found read before. */
  static final TupleTag<KV<String, StatusEvent>> STATUS = new TupleTag<>() {};

  private final StreamWindows windows;
  private final long firstWindow;
  private final int maxLineBytes;
  private final int readBufferBytes;
  private final StreamStateFiles files;
  private final HashSet<String> alreadyRead;
  private final boolean batchPerBundle;
  private final Counter objectsRead = Metrics.counter("stream", "objects-read");
  private final Counter objectsAlreadyRead = Metrics.counter("stream", "objects-already-read");
  private final Counter recordsRead = Metrics.counter("stream", "records");
  private final Counter malformed = Metrics.counter("stream", "malformed-lines");
  private final Counter corrupt = Metrics.counter("stream", "corrupt-objects");

  private transient FlowLogObjectReader reader;
  private final BundleObjects objects;

  /** What the bundle has read so far. */
  private transient ReadBatch batch;

  /**
   * @param windows the stream's windows
   * @param firstWindow the start (epoch seconds) of the first window the stream digests
   * @param maxLineBytes the longest line read
   * @param readBufferBytes the read buffer per object
   * @param files where parts and read records are saved
   * @param alreadyRead the ids ({@link SavedParts#objectId}) of the objects read before a restart
   * @param batchPerBundle whether the objects of a bundle are one batch, else each object is one
   */
  ReadWindowPartsFn(
      StreamWindows windows,
      long firstWindow,
      int maxLineBytes,
      int readBufferBytes,
      StreamStateFiles files,
      Set<String> alreadyRead,
      boolean batchPerBundle) {
    this.windows = windows;
    this.firstWindow = firstWindow;
    this.maxLineBytes = maxLineBytes;
    this.readBufferBytes = readBufferBytes;
    this.files = files;
    this.alreadyRead = new HashSet<>(alreadyRead);
    this.batchPerBundle = batchPerBundle;
    this.objects = files.bundleObjects();
  }

  @Setup
  public void setup() {
    reader = new FlowLogObjectReader(maxLineBytes, readBufferBytes);
  }

  @StartBundle
  public void startBundle(StartBundleContext context) {
    objects.open(context.getPipelineOptions());
    batch = new ReadBatch(windows, firstWindow);
  }

  @Teardown
  public void teardown() {
    objects.close();
  }

  @ProcessElement
  public void process(
      @Element PlannedObject object,
      @Timestamp org.joda.time.Instant timestamp,
      MultiOutputReceiver out)
      throws IOException {
    Instant eventTime = Instant.ofEpochMilli(timestamp.getMillis());
    if (alreadyRead.contains(SavedParts.objectId(object.key()))) {
      objectsAlreadyRead.inc();
      out.get(STATUS)
          .output(
              KV.of(
                  PublishStatusFn.KEY,
                  StatusEvent.objectAlreadyRead(object.key(), object.timestamp(), eventTime)));
      return;
    }
    batch.read(object, eventTime, this::fold);
    if (!batchPerBundle) {
      save(
          new Outputs() {
            @Override
            public void part(WindowPart part, Instant time) {
              out.get(PARTS)
                  .outputWithTimestamp(KV.of(part.windowStart(), part), CloseWindowFn.joda(time));
            }

            @Override
            public void status(StatusEvent event, Instant time) {
              out.get(STATUS)
                  .outputWithTimestamp(KV.of(PublishStatusFn.KEY, event), CloseWindowFn.joda(time));
            }
          });
    }
  }

  private Optional<ObjectParseResult> fold(PlannedObject object, RecordHandler handler)
      throws IOException {
    try {
      return Optional.of(reader.read(object, handler));
    } catch (CorruptObjectException e) {
      corrupt.inc();
      LOG.warn("skipping corrupt object {}: {}", object.uri(), e.getMessage());
      return Optional.empty();
    }
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext out) throws IOException {
    save(
        new Outputs() {
          @Override
          public void part(WindowPart part, Instant time) {
            out.output(
                PARTS,
                KV.of(part.windowStart(), part),
                CloseWindowFn.joda(time),
                GlobalWindow.INSTANCE);
          }

          @Override
          public void status(StatusEvent event, Instant time) {
            out.output(
                STATUS,
                KV.of(PublishStatusFn.KEY, event),
                CloseWindowFn.joda(time),
                GlobalWindow.INSTANCE);
          }
        });
  }

  /** Where the parts and status events of a batch go, at their event times. */
  private interface Outputs {
    void part(WindowPart part, Instant time);

    void status(StatusEvent event, Instant time);
  }

  /**
   * Saves the batch read so far (its parts, then its read record), outputs its parts, late parts
   * and status events to {@code out}, and starts a new batch.
   */
  private void save(Outputs out) throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    SavedParts.Batch saved = batch.batch();
    List<WindowPart> parts = batch.parts(saved.keys().get(0));
    for (WindowPart part : parts) {
      files.writePart(objects.get(), saved, part);
    }
    files.writeRead(objects.get(), saved);
    Optional<Instant> earliest = batch.earliestEventTime();
    for (WindowPart part : parts) {
      recordsRead.inc(part.records());
      out.part(part, earliest.orElseThrow());
    }
    for (ReadBatch.LatePart part : batch.lateParts()) {
      recordsRead.inc(part.part().records());
      out.part(part.part(), part.eventTime());
    }
    for (ReadBatch.ObjectRead read : batch.objectsRead()) {
      objectsRead.inc();
      malformed.inc(read.malformed());
      out.status(
          StatusEvent.objectRead(read.object().key(), read.object().timestamp(), read.eventTime()),
          read.eventTime());
    }
    batch = new ReadBatch(windows, firstWindow);
  }
}
