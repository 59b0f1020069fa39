package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.digest.SortedRun;
import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.pipeline.CorruptObjectException;
import io.vpcflow.digesterd.pipeline.FlowLogObjectReader;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one new object with the batch path's reader and folds its records per window ({@link
 * WindowedTables}); outputs one {@link WindowPart} per window it touches, keyed by the window's
 * start ({@link #PARTS}), and tells the status step it read the object ({@link #STATUS}). A
 * corrupt object is skipped whole (logged and counted), as the batch path does by default.
 */
final class ReadWindowPartsFn extends DoFn<KV<String, PlannedObject>, KV<Long, WindowPart>> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ReadWindowPartsFn.class);

  /** The main output: the parts of each window the object touched. */
  static final TupleTag<KV<Long, WindowPart>> PARTS = new TupleTag<>() {};
  /** The status events: one per object read. */
  static final TupleTag<KV<String, StatusEvent>> STATUS = new TupleTag<>() {};

  private final StreamWindows windows;
  private final long firstWindow;
  private final int maxLineBytes;
  private final int readBufferBytes;
  private final Counter objectsRead = Metrics.counter("stream", "objects-read");
  private final Counter recordsRead = Metrics.counter("stream", "records");
  private final Counter malformed = Metrics.counter("stream", "malformed-lines");
  private final Counter corrupt = Metrics.counter("stream", "corrupt-objects");

  private transient FlowLogObjectReader reader;

  ReadWindowPartsFn(StreamWindows windows, long firstWindow, int maxLineBytes, int readBufferBytes) {
    this.windows = windows;
    this.firstWindow = firstWindow;
    this.maxLineBytes = maxLineBytes;
    this.readBufferBytes = readBufferBytes;
  }

  @Setup
  public void setup() {
    reader = new FlowLogObjectReader(maxLineBytes, readBufferBytes);
  }

  @ProcessElement
  public void process(
      @Element KV<String, PlannedObject> element,
      @Timestamp org.joda.time.Instant eventTime,
      MultiOutputReceiver out)
      throws IOException {
    PlannedObject object = element.getValue();
    WindowedTables tables = new WindowedTables(windows, firstWindow);
    ObjectParseResult result;
    try {
      result = reader.read(object, tables);
    } catch (CorruptObjectException e) {
      corrupt.inc();
      LOG.warn("skipping corrupt object {}: {}", object.uri(), e.getMessage());
      return;
    }
    objectsRead.inc();
    malformed.inc(result.counts().malformed());
    for (Map.Entry<Long, DigestTable> window : tables.tables().entrySet()) {
      long records = tables.records(window.getKey());
      recordsRead.inc(records);
      out.get(PARTS).output(
          KV.of(
              window.getKey(),
              new WindowPart(
                  window.getKey(),
                  object.key(),
                  object.size(),
                  result.uncompressedBytes(),
                  records,
                  SortedRun.of(window.getValue()))));
    }
    out.get(STATUS)
        .output(
            KV.of(
                PublishStatusFn.KEY,
                StatusEvent.objectRead(
                    object.key(), object.timestamp(), Instant.ofEpochMilli(eventTime.getMillis()))));
  }
}
