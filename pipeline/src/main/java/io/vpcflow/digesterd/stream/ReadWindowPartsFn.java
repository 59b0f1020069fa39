package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.digest.SortedRun;
import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.pipeline.BundleObjects;
import io.vpcflow.digesterd.pipeline.CorruptObjectException;
import io.vpcflow.digesterd.pipeline.FlowLogObjectReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one new object with the batch path's reader and folds its records per window ({@link
 * WindowedTables}); saves the parts and then the object's read record ({@link SavedParts}, in this
 * order), then outputs one {@link WindowPart} per window it touches, keyed by the window's start
 * ({@link #PARTS}), and tells the status step it read the object ({@link #STATUS}). An object read
 * before a restart (its id in {@code alreadyRead}) is not read again: its parts are restored
 * instead ({@link RestorePartsFn}); only the status step hears of it. A corrupt object is skipped
 * whole (logged and counted, and recorded as read), as the batch path does by default.
 */
final class ReadWindowPartsFn extends DoFn<PlannedObject, KV<Long, WindowPart>> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ReadWindowPartsFn.class);

  /** The main output: the parts of each window the object touched. */
  static final TupleTag<KV<Long, WindowPart>> PARTS = new TupleTag<>() {};

  /** The status events: one per object read or found read before. */
  static final TupleTag<KV<String, StatusEvent>> STATUS = new TupleTag<>() {};

  private final StreamWindows windows;
  private final long firstWindow;
  private final int maxLineBytes;
  private final int readBufferBytes;
  private final StreamStateFiles files;
  private final HashSet<String> alreadyRead;
  private final Counter objectsRead = Metrics.counter("stream", "objects-read");
  private final Counter objectsAlreadyRead = Metrics.counter("stream", "objects-already-read");
  private final Counter recordsRead = Metrics.counter("stream", "records");
  private final Counter malformed = Metrics.counter("stream", "malformed-lines");
  private final Counter corrupt = Metrics.counter("stream", "corrupt-objects");

  private transient FlowLogObjectReader reader;
  private final BundleObjects objects;

  /**
   * @param windows the stream's windows
   * @param firstWindow the start (epoch seconds) of the first window the stream digests
   * @param maxLineBytes the longest line read
   * @param readBufferBytes the read buffer per object
   * @param files where parts and read records are saved
   * @param alreadyRead the ids ({@link SavedParts#objectId}) of the objects read before a restart
   */
  ReadWindowPartsFn(
      StreamWindows windows,
      long firstWindow,
      int maxLineBytes,
      int readBufferBytes,
      StreamStateFiles files,
      Set<String> alreadyRead) {
    this.windows = windows;
    this.firstWindow = firstWindow;
    this.maxLineBytes = maxLineBytes;
    this.readBufferBytes = readBufferBytes;
    this.files = files;
    this.alreadyRead = new HashSet<>(alreadyRead);
    this.objects = files.bundleObjects();
  }

  @Setup
  public void setup() {
    reader = new FlowLogObjectReader(maxLineBytes, readBufferBytes);
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
    WindowedTables tables = new WindowedTables(windows, firstWindow);
    ObjectParseResult result;
    try {
      result = reader.read(object, tables);
    } catch (CorruptObjectException e) {
      corrupt.inc();
      LOG.warn("skipping corrupt object {}: {}", object.uri(), e.getMessage());
      files.writeRead(objects.get(), object.key(), object.timestamp());
      return;
    }
    List<WindowPart> parts = new ArrayList<>();
    for (Map.Entry<Long, DigestTable> window : tables.tables().entrySet()) {
      parts.add(
          new WindowPart(
              window.getKey(),
              object.key(),
              result.storedBytes(),
              result.uncompressedBytes(),
              tables.records(window.getKey()),
              SortedRun.of(window.getValue())));
    }
    for (WindowPart part : parts) {
      if (SavedParts.saved(part.windowStart(), eventTime, windows)) {
        files.writePart(objects.get(), part);
      }
    }
    files.writeRead(objects.get(), object.key(), object.timestamp());
    objectsRead.inc();
    malformed.inc(result.counts().malformed());
    for (WindowPart part : parts) {
      recordsRead.inc(part.records());
      out.get(PARTS).output(KV.of(part.windowStart(), part));
    }
    out.get(STATUS)
        .output(
            KV.of(
                PublishStatusFn.KEY,
                StatusEvent.objectRead(object.key(), object.timestamp(), eventTime)));
  }
}
