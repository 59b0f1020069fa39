package io.vpcflow.digesterd.digest;

import io.vpcflow.digesterd.flowlog.FlowLogRecord;
import io.vpcflow.digesterd.flowlog.RecordHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds records into a {@link DigestTable} within a memory budget: when one more key could take the
 * table past the budget, the table is written out as a sorted run (a spill) and folding goes on in
 * an empty table. {@link #finish()} writes what is left. The runs together hold every record's
 * totals, each key at most once per run. Not thread-safe.
 */
public final class SpillingFold implements RecordHandler {
  /** The key length assumed when checking the budget (keys are rarely over 120 bytes). */
  static final int MAX_KEY_BYTES = 256;

  /** Where runs go. */
  @FunctionalInterface
  public interface RunSink {
    /** Writes {@code table} as a run file and describes it. */
    RunDescriptor write(DigestTable table) throws IOException;
  }

  private final long windowStart;
  private final long windowStop;
  private final long budgetBytes;
  private final RunSink sink;
  private final List<RunDescriptor> runs = new ArrayList<>();
  private DigestTable table;
  private int spills;

  /**
   * A fold of records with {@code windowStart <= start < windowStop} (epoch seconds) whose table
   * stays within {@code budgetBytes} (a table always takes at least one key).
   */
  public SpillingFold(long windowStart, long windowStop, long budgetBytes, RunSink sink) {
    if (budgetBytes <= 0) {
      throw new IllegalArgumentException(
          "the fold's memory budget must be positive: " + budgetBytes);
    }
    this.windowStart = windowStart;
    this.windowStop = windowStop;
    this.budgetBytes = budgetBytes;
    this.sink = sink;
    this.table = new DigestTable(windowStart, windowStop);
  }

  /**
   * Folds one record, spilling first when the table is full.
   *
   * @throws UncheckedIOException when a spill cannot be written
   */
  @Override
  public boolean accept(FlowLogRecord record) {
    if (!table.isEmpty() && table.wouldExceed(budgetBytes, MAX_KEY_BYTES)) {
      try {
        spill();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot spill a run: " + e.getMessage(), e);
      }
    }
    return table.accept(record);
  }

  private void spill() throws IOException {
    runs.add(sink.write(table));
    spills++;
    table.clear();
  }

  /**
   * Writes the keys still in memory as a last run (none when there are none) and returns every run
   * written, in the order written.
   */
  public List<RunDescriptor> finish() throws IOException {
    if (table.size() > 0) {
      runs.add(sink.write(table));
      table = new DigestTable(windowStart, windowStop);
    }
    return List.copyOf(runs);
  }

  /** The runs written so far. */
  public List<RunDescriptor> runs() {
    return List.copyOf(runs);
  }

  /** How many runs were written because the table was full. */
  public int spills() {
    return spills;
  }
}
