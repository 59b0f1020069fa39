package io.vpcflow.digesterd.flowlog;

import java.util.EnumMap;
import java.util.Map;

/** A tally of lines by {@link LineOutcome}. Mutable, not thread-safe. */
public final class LineCounts implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final long[] counts = new long[LineOutcome.values().length];

  /** Counts one line with the given outcome. */
  public void add(LineOutcome outcome) {
    counts[outcome.ordinal()]++;
  }

  /** Adds {@code n} lines with the given outcome. */
  public void add(LineOutcome outcome, long n) {
    counts[outcome.ordinal()] += n;
  }

  /** Adds every count of {@code other} to this tally. */
  public void addAll(LineCounts other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
  }

  /** The number of lines with the given outcome. */
  public long get(LineOutcome outcome) {
    return counts[outcome.ordinal()];
  }

  /** All lines counted. */
  public long total() {
    long sum = 0;
    for (long c : counts) {
      sum += c;
    }
    return sum;
  }

  /** Lines skipped as malformed, whatever the reason. */
  public long malformed() {
    long sum = 0;
    for (LineOutcome outcome : LineOutcome.values()) {
      if (outcome.isMalformed()) {
        sum += get(outcome);
      }
    }
    return sum;
  }

  /** The non-zero counts, in declaration order of the outcomes. */
  public Map<LineOutcome, Long> nonZero() {
    Map<LineOutcome, Long> map = new EnumMap<>(LineOutcome.class);
    for (LineOutcome outcome : LineOutcome.values()) {
      if (get(outcome) != 0) {
        map.put(outcome, get(outcome));
      }
    }
    return map;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LineCounts
        && java.util.Arrays.equals(counts, ((LineCounts) other).counts);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return nonZero().toString();
  }
}
