package io.vpcflow.digesterd.report;

import java.util.Collection;

/**
 * How far one part of a run got: objects and compressed bytes read by a shard, or key ranges merged
 * and planned by the merge. Written by workers that run in other JVMs as a one-line text ({@code
 * "<objects> <bytes> <rangesDone> <rangesTotal>"}; earlier versions wrote the first two only) and
 * summed by the process that submitted the run.
 *
 * @param objects objects read to their end
 * @param bytes compressed bytes of those objects
 * @param rangesDone key ranges merged
 * @param rangesTotal key ranges planned
 */
public record ShardProgress(long objects, long bytes, long rangesDone, long rangesTotal) {
  /** No progress. */
  public static final ShardProgress NONE = new ShardProgress(0, 0);

  /** Checks that the counts are not negative. */
  public ShardProgress {
    if (objects < 0 || bytes < 0 || rangesDone < 0 || rangesTotal < 0) {
      throw new IllegalArgumentException(
          "progress counts must not be negative: "
              + objects
              + " "
              + bytes
              + " "
              + rangesDone
              + " "
              + rangesTotal);
    }
  }

  /** The progress of a shard: objects and bytes read, no ranges. */
  public ShardProgress(long objects, long bytes) {
    this(objects, bytes, 0, 0);
  }

  /** The text form, {@code "<objects> <bytes> <rangesDone> <rangesTotal>"}. */
  public String text() {
    return objects + " " + bytes + " " + rangesDone + " " + rangesTotal;
  }

  /**
   * Parses the text form (or its first two numbers alone).
   *
   * @throws IllegalArgumentException when {@code text} is not two or four non-negative integers
   */
  public static ShardProgress parse(String text) {
    String[] parts = text.strip().split(" ");
    if (parts.length != 2 && parts.length != 4) {
      throw new IllegalArgumentException(
          "not '<objects> <bytes> <rangesDone> <rangesTotal>': " + text);
    }
    try {
      long[] n = new long[4];
      for (int i = 0; i < parts.length; i++) {
        n[i] = Long.parseLong(parts[i]);
      }
      return new ShardProgress(n[0], n[1], n[2], n[3]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "not '<objects> <bytes> <rangesDone> <rangesTotal>': " + text, e);
    }
  }

  /** This progress plus one object of {@code objectBytes}. */
  public ShardProgress plusObject(long objectBytes) {
    return new ShardProgress(objects + 1, bytes + objectBytes, rangesDone, rangesTotal);
  }

  /** The total of several parts. */
  public static ShardProgress sum(Collection<ShardProgress> parts) {
    long objects = 0;
    long bytes = 0;
    long rangesDone = 0;
    long rangesTotal = 0;
    for (ShardProgress part : parts) {
      objects += part.objects;
      bytes += part.bytes;
      rangesDone += part.rangesDone;
      rangesTotal += part.rangesTotal;
    }
    return new ShardProgress(objects, bytes, rangesDone, rangesTotal);
  }
}
