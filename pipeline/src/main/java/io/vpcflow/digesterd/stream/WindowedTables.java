package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.flowlog.DigestField;
import io.vpcflow.digesterd.flowlog.FlowLogRecord;
import io.vpcflow.digesterd.flowlog.RecordHandler;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Folds the records of one object into one {@link DigestTable} per stream window, by each record's
 * {@code start} (its event time). Records before the stream's first window are refused (they count
 * as outside the window, as in the batch path). Mutable, not thread-safe.
 */
public final class WindowedTables implements RecordHandler {
  private final StreamWindows windows;
  private final long firstWindow;
  private final NavigableMap<Long, DigestTable> tables = new TreeMap<>();
  private final Map<Long, long[]> records = new HashMap<>();
  private long lastWindow = Long.MIN_VALUE;
  private DigestTable lastTable;
  private long[] lastRecords;

  /**
   * @param windows the stream's windows
   * @param firstWindow the start (epoch seconds) of the first window the stream digests
   */
  public WindowedTables(StreamWindows windows, long firstWindow) {
    this.windows = windows;
    this.firstWindow = firstWindow;
  }

  @Override
  public boolean accept(FlowLogRecord record) {
    long start = record.number(DigestField.START);
    if (start < firstWindow) {
      return false;
    }
    long window = windows.startOf(start);
    if (window != lastWindow) {
      lastTable =
          tables.computeIfAbsent(
              window, w -> new DigestTable(w, w + windows.window().getSeconds()));
      lastRecords = records.computeIfAbsent(window, w -> new long[1]);
      lastWindow = window;
    }
    lastTable.accept(record);
    lastRecords[0]++;
    return true;
  }

  /** The table of each window that received records, by window start (epoch seconds). */
  public NavigableMap<Long, DigestTable> tables() {
    return Collections.unmodifiableNavigableMap(tables);
  }

  /** The number of records folded into the window starting at {@code window}. */
  public long records(long window) {
    long[] count = records.get(window);
    return count == null ? 0 : count[0];
  }
}
