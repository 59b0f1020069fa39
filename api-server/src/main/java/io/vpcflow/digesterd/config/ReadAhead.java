package io.vpcflow.digesterd.config;

import io.vpcflow.digesterd.layout.ObjectShards;

/**
 * How much the pipeline reads ahead. Objects are streamed, never downloaded whole: each shard reads
 * one object at a time through a fixed buffer, so the objects read at once are the shards and the
 * bytes read ahead are the shards times the buffer.
 *
 * @param maxConcurrentObjects objects read at once ({@code VPC_MAX_CONCURRENT_PREFETCH}); 0 for one
 *     per processor (at least 2)
 * @param maxBytes compressed bytes buffered ahead over all objects being read ({@code
 *     VPC_MAX_BYTES_PREFETCH}); 0 for 256 KiB per object
 */
public record ReadAhead(int maxConcurrentObjects, long maxBytes) {
  /** Smallest buffer per object. */
  public static final int MIN_BUFFER_BYTES = 16 * 1024;

  /** Buffer per object when {@code maxBytes} is 0. */
  public static final int DEFAULT_BUFFER_BYTES = 256 * 1024;

  static ReadAhead read(EnvReader in) {
    return new ReadAhead(
        in.integer("VPC_MAX_CONCURRENT_PREFETCH", 0, 0),
        in.longValue("VPC_MAX_BYTES_PREFETCH", 0, 0));
  }

  /** The shards of a run: the configured objects at once, or the pipeline's default. */
  public int shards() {
    return maxConcurrentObjects > 0 ? maxConcurrentObjects : ObjectShards.defaultCount();
  }

  /** The read buffer of each object being read. */
  public int bufferBytes() {
    if (maxBytes == 0) {
      return DEFAULT_BUFFER_BYTES;
    }
    return (int) Math.max(MIN_BUFFER_BYTES, Math.min(Integer.MAX_VALUE, maxBytes / shards()));
  }
}
