package io.vpcflow.digesterd.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code n} heaviest records offered, in a heap of at most {@code n + 1} entries, each only the
 * record's line and weight (about 200 bytes for a line of IPv4 addresses; the fields are parsed
 * again when the records are returned). Of records of equal weight the earlier offered is kept, so
 * the result depends only on the digest.
 */
public final class TopRecords {
  private record Entry(String line, long weight, long seq) {}

  /** Lightest first; of equal weight the later offered first (it goes first). */
  private static final Comparator<Entry> LIGHTEST_FIRST =
      Comparator.comparingLong(Entry::weight)
          .thenComparing(Comparator.comparingLong(Entry::seq).reversed());

  private final int n;
  private final Weight weight;
  private final PriorityQueue<Entry> heap;
  private long offered;

  /**
   * @param n how many to keep (at least 1)
   * @param weight what ranks them
   */
  public TopRecords(int n, Weight weight) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1: " + n);
    }
    this.n = n;
    this.weight = weight;
    this.heap = new PriorityQueue<>(Math.min(n, 1 << 16) + 1, LIGHTEST_FIRST);
  }

  /** Considers one record. */
  public void offer(DigestRecord record) {
    heap.add(new Entry(record.line(), weight.of(record), offered++));
    if (heap.size() > n) {
      heap.poll();
    }
  }

  /** How many records were offered. */
  public long offered() {
    return offered;
  }

  /** The kept records, heaviest first (of equal weight, in the order offered). */
  public List<DigestRecord> heaviestFirst() {
    List<Entry> entries = new ArrayList<>(heap);
    entries.sort(LIGHTEST_FIRST.reversed());
    List<DigestRecord> records = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      records.add(DigestRecord.parse(e.line()));
    }
    return records;
  }
}
