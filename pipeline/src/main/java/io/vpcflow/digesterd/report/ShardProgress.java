package io.vpcflow.digesterd.report;

import java.util.Collection;

/**
 * How far one shard of a run got: objects and compressed bytes read. Written by workers that run
 * in other JVMs as a one-line text ({@code "<objects> <bytes>"}) and summed by the process that
 * submitted the run.
 *
 * @param objects objects read to their end
 * @param bytes compressed bytes of those objects
 */
public record ShardProgress(long objects, long bytes) {
  /** No progress. */
  public static final ShardProgress NONE = new ShardProgress(0, 0);

  /** Checks that the counts are not negative. */
  public ShardProgress {
    if (objects < 0 || bytes < 0) {
      throw new IllegalArgumentException("progress counts must not be negative: " + objects + " " + bytes);
    }
  }

  /** The text form, {@code "<objects> <bytes>"}. */
  public String text() {
    return objects + " " + bytes;
  }

  /**
   * Parses the text form.
   *
   * @throws IllegalArgumentException when {@code text} is not two non-negative integers
   */
  public static ShardProgress parse(String text) {
    String[] parts = text.strip().split(" ");
    if (parts.length != 2) {
      throw new IllegalArgumentException("not '<objects> <bytes>': " + text);
    }
    try {
      return new ShardProgress(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not '<objects> <bytes>': " + text, e);
    }
  }

  /** This progress plus one object of {@code objectBytes}. */
  public ShardProgress plusObject(long objectBytes) {
    return new ShardProgress(objects + 1, bytes + objectBytes);
  }

  /** The total of several shards. */
  public static ShardProgress sum(Collection<ShardProgress> shards) {
    long objects = 0;
    long bytes = 0;
    for (ShardProgress shard : shards) {
      objects += shard.objects;
      bytes += shard.bytes;
    }
    return new ShardProgress(objects, bytes);
  }
}
