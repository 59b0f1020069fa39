package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import io.vpcflow.digesterd.flowlog.RecordHandler;
import io.vpcflow.digesterd.layout.PlannedObject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects that one bundle of the stream's reading step has read, folded per window ({@link
 * WindowedTables}): what it saves and outputs when the bundle finishes. A corrupt object is left
 * out whole: the batch's other objects are folded again without it. Reading an object is the
 * caller's ({@link ObjectFolder}). Plain logic; mutable, not thread-safe.
 */
final class ReadBatch {
  private static final byte[] NO_RUN = new byte[0];

  private final StreamWindows windows;
  private final long firstWindow;
  private WindowedTables tables;
  private List<ObjectRead> read = new ArrayList<>();
  private List<LatePart> late = new ArrayList<>();
  private final List<PlannedObject> corrupt = new ArrayList<>();

  /** Reads an object, handing its records to a handler. */
  interface ObjectFolder {
    /**
     * The result of reading {@code object} to its end into {@code handler}, or empty when it is
     * corrupt (the records it handed over before are then not to be used).
     */
    Optional<ObjectParseResult> fold(PlannedObject object, RecordHandler handler)
        throws IOException;
  }

  /**
   * An object folded into the batch.
   *
   * @param object the object
   * @param eventTime its event time
   * @param malformed its malformed lines
   */
  record ObjectRead(PlannedObject object, Instant eventTime, long malformed) {}

  /**
   * An object's records of a window already closed at its event time: counted, never folded.
   *
   * @param part the records' count as a part without a run
   * @param eventTime the object's event time
   */
  record LatePart(WindowPart part, Instant eventTime) {}

  /**
   * @param windows the stream's windows
   * @param firstWindow the start (epoch seconds) of the first window the stream digests
   */
  ReadBatch(StreamWindows windows, long firstWindow) {
    this.windows = windows;
    this.firstWindow = firstWindow;
    this.tables = new WindowedTables(windows, firstWindow);
  }

  /**
   * Reads {@code object} of event time {@code eventTime} with {@code folder} into the batch; when
   * it is corrupt, keeps it as such and folds the batch's other objects again without it.
   */
  void read(PlannedObject object, Instant eventTime, ObjectFolder folder) throws IOException {
    tables.beginObject(eventTime);
    Optional<ObjectParseResult> result = folder.fold(object, tables);
    if (result.isEmpty()) {
      corrupt.add(object);
      List<ObjectRead> folded = read;
      read = new ArrayList<>();
      late = new ArrayList<>();
      tables = new WindowedTables(windows, firstWindow);
      for (ObjectRead again : folded) {
        read(again.object(), again.eventTime(), folder);
      }
      return;
    }
    ObjectParseResult r = result.get();
    tables.endObject(r.storedBytes(), r.uncompressedBytes());
    for (Map.Entry<Long, Long> window : tables.lateRecords().entrySet()) {
      late.add(
          new LatePart(
              new WindowPart(
                  window.getKey(),
                  object.key(),
                  1,
                  r.storedBytes(),
                  r.uncompressedBytes(),
                  window.getValue(),
                  NO_RUN),
              eventTime));
    }
    read.add(new ObjectRead(object, eventTime, r.counts().malformed()));
  }

  /** Whether no object was read into the batch, corrupt or not. */
  boolean isEmpty() {
    return read.isEmpty() && corrupt.isEmpty();
  }

  /** The batch's objects, corrupt ones included, as its read record names them; not empty. */
  SavedParts.Batch batch() {
    List<PlannedObject> all = new ArrayList<>(corrupt);
    read.forEach(r -> all.add(r.object()));
    return new SavedParts.Batch(
        all.stream().map(PlannedObject::key).toList(),
        all.stream().map(PlannedObject::timestamp).min(Instant::compareTo).orElseThrow(),
        all.stream().map(PlannedObject::timestamp).max(Instant::compareTo).orElseThrow());
  }

  /**
   * One part per window the batch's objects gave records to (not late ones), in window order,
   * naming {@code objectKey} as the object for messages.
   */
  List<WindowPart> parts(String objectKey) {
    List<WindowPart> parts = new ArrayList<>();
    for (long window : tables.tables().keySet()) {
      parts.add(tables.part(window, objectKey));
    }
    return parts;
  }

  /** The event time of the batch's earliest object read (not corrupt), or empty when none. */
  Optional<Instant> earliestEventTime() {
    return read.stream().map(ObjectRead::eventTime).min(Instant::compareTo);
  }

  /** The records of windows closed at their own object's event time, per object and window. */
  List<LatePart> lateParts() {
    return List.copyOf(late);
  }

  /** The objects read (not corrupt), in the order read. */
  List<ObjectRead> objectsRead() {
    return List.copyOf(read);
  }
}
