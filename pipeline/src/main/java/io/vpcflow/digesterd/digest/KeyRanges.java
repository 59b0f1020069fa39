package io.vpcflow.digesterd.digest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts the key space, in digest order, into ranges of about equal numbers of keys, from the key
 * samples of sorted runs. A range is {@code [boundary i-1, boundary i)}, the first unbounded below
 * and the last above, so ranges partition every key and merging each range on its own, then joining
 * the results in order, gives the digest of the whole.
 *
 * <p>A boundary is always the start of a key group: the first eight fields of a key and the space
 * after them ({@code version … protocol }). Keys of one group differ only in action or log-status,
 * and the digest orders a group's lines by its totals, not its keys ({@link RunMerger}); cutting
 * only between groups keeps every group within one range.
 */
public final class KeyRanges {
  /** The most ranges {@link #count} chooses by itself. */
  public static final int MAX_RANGES = 1024;

  private static final int GROUP_FIELDS = 8;

  private KeyRanges() {}

  /**
   * At most {@code ranges - 1} ascending, distinct boundaries that cut the keys sampled in {@code
   * runs} into {@code ranges} ranges of about equal weight (fewer when the samples do not allow
   * more distinct cuts; none for one range).
   */
  public static List<byte[]> boundaries(List<RunDescriptor> runs, int ranges) {
    if (ranges < 1) {
      throw new IllegalArgumentException("at least one range, not " + ranges);
    }
    List<Weighted> samples = new ArrayList<>();
    double total = 0;
    for (RunDescriptor run : runs) {
      if (run.samples().isEmpty()) {
        continue;
      }
      double weight = (double) run.keys() / run.samples().size();
      for (DigestKey key : run.samples()) {
        samples.add(new Weighted(groupStart(key.text()), weight));
      }
      total += run.keys();
    }
    samples.sort(Comparator.comparing(Weighted::group, Arrays::compareUnsigned));
    List<byte[]> boundaries = new ArrayList<>();
    double seen = 0;
    int next = 1;
    for (Weighted sample : samples) {
      if (next >= ranges) {
        break;
      }
      if (seen >= total * next / ranges) {
        byte[] last = boundaries.isEmpty() ? null : boundaries.get(boundaries.size() - 1);
        if (last == null || Arrays.compareUnsigned(last, sample.group) < 0) {
          boundaries.add(sample.group);
        }
        while (next < ranges && seen >= total * next / ranges) {
          next++;
        }
      }
      seen += sample.weight;
    }
    return boundaries;
  }

  /**
   * The start of the group of {@code key}: its first eight fields and the space after them.
   *
   * @throws IllegalArgumentException when the key has fewer than nine fields
   */
  public static byte[] groupStart(byte[] key) {
    int spaces = 0;
    for (int i = 0; i < key.length; i++) {
      if (key[i] == ' ' && ++spaces == GROUP_FIELDS) {
        return Arrays.copyOf(key, i + 1);
      }
    }
    throw new IllegalArgumentException("a digest key has ten fields");
  }

  /**
   * The lower bound of range {@code range} of those cut by {@code boundaries}, or {@code null} for
   * the first.
   */
  public static byte[] low(List<byte[]> boundaries, int range) {
    return range == 0 ? null : boundaries.get(range - 1);
  }

  /**
   * The upper bound (exclusive) of range {@code range} of those cut by {@code boundaries}, or
   * {@code null} for the last.
   */
  public static byte[] high(List<byte[]> boundaries, int range) {
    return range == boundaries.size() ? null : boundaries.get(range);
  }

  /**
   * How many ranges to cut: {@code requested} when positive, else enough that each range's share of
   * {@code runBytes} fits {@code budgetBytes}, and at least {@code parallelism}.
   */
  public static int count(int requested, int parallelism, long runBytes, long budgetBytes) {
    if (requested > 0) {
      return requested;
    }
    long bySize = budgetBytes <= 0 ? 1 : (runBytes + budgetBytes - 1) / budgetBytes;
    return (int) Math.min(MAX_RANGES, Math.max(Math.max(1, parallelism), bySize));
  }

  private record Weighted(byte[] group, double weight) {}
}
