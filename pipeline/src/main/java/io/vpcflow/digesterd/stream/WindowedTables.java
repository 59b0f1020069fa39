package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.flowlog.DigestField;
import io.vpcflow.digesterd.flowlog.FlowLogRecord;
import io.vpcflow.digesterd.flowlog.RecordHandler;
import java.util.Collections;
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
  private final NavigableMap<Long, Long> records = new TreeMap<>();

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
    DigestTable table =
        tables.computeIfAbsent(window, w -> new DigestTable(w, w + windows.window().getSeconds()));
    table.accept(record);
    records.merge(window, 1L, Long::sum);
    return true;
  }

  /** The table of each window that received records, by window start (epoch seconds). */
  public NavigableMap<Long, DigestTable> tables() {
    return Collections.unmodifiableNavigableMap(tables);
  }

  /** The number of records folded into the window starting at {@code window}. */
  public long records(long window) {
    return records.getOrDefault(window, 0L);
  }
}
