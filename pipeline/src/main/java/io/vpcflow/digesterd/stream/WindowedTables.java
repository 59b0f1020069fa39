package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.digest.SortedRun;
import io.vpcflow.digesterd.flowlog.DigestField;
import io.vpcflow.digesterd.flowlog.FlowLogRecord;
import io.vpcflow.digesterd.flowlog.RecordHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Folds the records of a batch of objects, read one after the other, into one {@link DigestTable}
 * per stream window, by each record's {@code start} (its event time). Records before the stream's
 * first window are refused (they count as outside the window, as in the batch path). Records of a
 * window already closed at the event time of the object being read ({@link #beginObject}) are not
 * folded, only counted ({@link #lateRecords}): they are late whenever they arrive. Mutable, not
 * thread-safe.
 */
public final class WindowedTables implements RecordHandler {
  private final StreamWindows windows;
  private final long firstWindow;
  private final NavigableMap<Long, Window> open = new TreeMap<>();
  private final NavigableMap<Long, long[]> late = new TreeMap<>();

  /** The windows the object begun last gave records to (a few at most). */
  private final List<Window> touched = new ArrayList<>();

  private Instant eventTime = Instant.MIN;
  private long lastWindow = Long.MIN_VALUE;
  private Window last;
  private long[] lastLate;

  /** What the batch holds for one window. */
  private static final class Window {
    final DigestTable table;
    long records;
    long objects;
    long objectBytes;
    long textBytes;

    Window(DigestTable table) {
      this.table = table;
    }
  }

  /**
   * @param windows the stream's windows
   * @param firstWindow the start (epoch seconds) of the first window the stream digests
   */
  public WindowedTables(StreamWindows windows, long firstWindow) {
    this.windows = windows;
    this.firstWindow = firstWindow;
  }

  /**
   * Starts the records of an object of event time {@code eventTime}: records of windows closed at
   * that time are counted as late from now on, and the late counts of the object before are
   * cleared. Before the first call, no window is closed.
   */
  public void beginObject(Instant eventTime) {
    this.eventTime = eventTime;
    late.clear();
    touched.clear();
    lastWindow = Long.MIN_VALUE;
  }

  /**
   * Ends the records of the object begun last: each window it gave records to counts it once, with
   * {@code objectBytes} fetched and {@code textBytes} decompressed.
   */
  public void endObject(long objectBytes, long textBytes) {
    for (Window w : touched) {
      w.objects++;
      w.objectBytes += objectBytes;
      w.textBytes += textBytes;
    }
    touched.clear();
  }

  @Override
  public boolean accept(FlowLogRecord record) {
    long start = record.number(DigestField.START);
    if (start < firstWindow) {
      return false;
    }
    long window = windows.startOf(start);
    if (window != lastWindow) {
      select(window);
    }
    if (last != null) {
      last.table.accept(record);
      last.records++;
    } else {
      lastLate[0]++;
    }
    return true;
  }

  private void select(long window) {
    lastWindow = window;
    if (windows.isClosed(window, eventTime)) {
      last = null;
      lastLate = late.computeIfAbsent(window, w -> new long[1]);
      return;
    }
    lastLate = null;
    last =
        open.computeIfAbsent(
            window, w -> new Window(new DigestTable(w, w + windows.window().getSeconds())));
    if (!touched.contains(last)) {
      touched.add(last);
    }
  }

  /** The table of each window that received records, by window start (epoch seconds). */
  public NavigableMap<Long, DigestTable> tables() {
    NavigableMap<Long, DigestTable> tables = new TreeMap<>();
    open.forEach((start, w) -> tables.put(start, w.table));
    return Collections.unmodifiableNavigableMap(tables);
  }

  /** The number of records folded into the window starting at {@code window}. */
  public long records(long window) {
    Window w = open.get(window);
    return w == null ? 0 : w.records;
  }

  /**
   * The part of the window starting at {@code window}: its records' totals per key as a sorted run,
   * the objects (ended with {@link #endObject}) that gave it records, their sizes.
   *
   * @param objectKey an object of the batch, for messages
   */
  public WindowPart part(long window, String objectKey) {
    Window w = open.get(window);
    if (w == null) {
      throw new IllegalArgumentException("no records of the window starting at " + window);
    }
    return new WindowPart(
        window, objectKey, w.objects, w.objectBytes, w.textBytes, w.records, SortedRun.of(w.table));
  }

  /**
   * The records of the object begun last that fell into windows already closed at its event time,
   * by window start (epoch seconds).
   */
  public NavigableMap<Long, Long> lateRecords() {
    NavigableMap<Long, Long> counts = new TreeMap<>();
    late.forEach((window, count) -> counts.put(window, count[0]));
    return Collections.unmodifiableNavigableMap(counts);
  }
}
