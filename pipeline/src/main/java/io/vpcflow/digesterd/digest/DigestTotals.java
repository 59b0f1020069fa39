package io.vpcflow.digesterd.digest;

/**
 * The totals of one digest key: summed packets and bytes (64-bit), the earliest {@code start} and
 * the latest {@code end} (epoch seconds; {@link #ABSENT} when no record had an end). Mutable
 * accumulator, not thread-safe.
 */
public final class DigestTotals {
  /** The value of {@link #maxEnd()} when no record of the key had an {@code end}. */
  public static final long ABSENT = -1;

  private long packets;
  private long bytes;
  private long minStart;
  private long maxEnd;

  /** Totals of one record; {@code end} may be {@link #ABSENT}. */
  public DigestTotals(long packets, long bytes, long start, long end) {
    this.packets = packets;
    this.bytes = bytes;
    this.minStart = start;
    this.maxEnd = end;
  }

  /** Adds one record. */
  public void add(long recordPackets, long recordBytes, long start, long end) {
    packets += recordPackets;
    bytes += recordBytes;
    minStart = Math.min(minStart, start);
    maxEnd = Math.max(maxEnd, end);
  }

  /** Adds the totals of another accumulator of the same key. */
  public void merge(DigestTotals other) {
    add(other.packets, other.bytes, other.minStart, other.maxEnd);
  }

  public long packets() {
    return packets;
  }

  public long bytes() {
    return bytes;
  }

  public long minStart() {
    return minStart;
  }

  public long maxEnd() {
    return maxEnd;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof DigestTotals)) {
      return false;
    }
    DigestTotals that = (DigestTotals) other;
    return packets == that.packets
        && bytes == that.bytes
        && minStart == that.minStart
        && maxEnd == that.maxEnd;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(packets * 31 + bytes) * 31 + Long.hashCode(minStart * 31 + maxEnd);
  }

  @Override
  public String toString() {
    return packets + " " + bytes + " " + minStart + " " + (maxEnd == ABSENT ? "-" : maxEnd);
  }
}
