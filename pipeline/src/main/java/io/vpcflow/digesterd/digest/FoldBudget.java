package io.vpcflow.digesterd.digest;

/** The memory budget of one shard's table ({@link SpillingFold}) when none is configured. */
public final class FoldBudget {
  /** The share of the heap that the tables of the shards running at once may take together. */
  static final double HEAP_SHARE = 0.4;

  /** The least budget chosen: below it, spilling costs more than it saves. */
  static final long MIN_BYTES = 8L << 20;

  private FoldBudget() {}

  /**
   * Two fifths of {@code maxHeapBytes}, shared by the shards that may run at once in one worker:
   * {@code shards}, at most {@code processors} (at least one); never under 8 MiB.
   */
  public static long defaultBytes(long maxHeapBytes, int shards, int processors) {
    int together = Math.max(1, Math.min(shards, processors));
    return Math.max(MIN_BYTES, (long) (maxHeapBytes * HEAP_SHARE / together));
  }

  /** {@code megabytes} MiB when positive, else {@link #defaultBytes} for this JVM. */
  public static long bytes(int megabytes, int shards) {
    if (megabytes > 0) {
      return (long) megabytes << 20;
    }
    return defaultBytes(
        Runtime.getRuntime().maxMemory(), shards, Runtime.getRuntime().availableProcessors());
  }
}
