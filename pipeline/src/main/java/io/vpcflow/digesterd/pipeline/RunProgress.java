package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.report.ShardProgress;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live progress of digest runs executing in this JVM (DirectRunner, embedded Flink), published
 * under the run's {@link DigestOptions#getProgressKey() progress key} so that the command line and
 * the server can show objects and bytes read while the pipeline runs. Workers in other JVMs find no
 * entry and publish nothing here. Thread-safe.
 */
public final class RunProgress {
  private static final ConcurrentMap<String, RunProgress> RUNS = new ConcurrentHashMap<>();

  private final long totalObjects;
  private final long totalBytes;
  private final AtomicLong objectsDone = new AtomicLong();
  private final AtomicLong bytesDone = new AtomicLong();
  private final AtomicLong rangesDone = new AtomicLong();
  private final AtomicLong rangesTotal = new AtomicLong();

  private RunProgress(long totalObjects, long totalBytes) {
    this.totalObjects = totalObjects;
    this.totalBytes = totalBytes;
  }

  /** Registers a run about to read {@code totalObjects} objects of {@code totalBytes} bytes. */
  public static RunProgress register(String key, long totalObjects, long totalBytes) {
    RunProgress progress = new RunProgress(totalObjects, totalBytes);
    RUNS.put(key, progress);
    return progress;
  }

  /** Forgets a run. */
  public static void unregister(String key) {
    RUNS.remove(key);
  }

  /** The progress of a registered run. */
  public static Optional<RunProgress> of(String key) {
    return Optional.ofNullable(RUNS.get(key));
  }

  /** Records one finished object of the run {@code key}, if it is registered in this JVM. */
  static void objectDone(String key, long bytes) {
    RunProgress progress = key.isEmpty() ? null : RUNS.get(key);
    if (progress != null) {
      progress.objectsDone.incrementAndGet();
      progress.bytesDone.addAndGet(bytes);
    }
  }

  /** Records that the merge of run {@code key} has {@code ranges} key ranges to merge. */
  static void rangesPlanned(String key, long ranges) {
    RunProgress progress = key.isEmpty() ? null : RUNS.get(key);
    if (progress != null) {
      progress.rangesTotal.set(ranges);
    }
  }

  /** Records one merged key range of the run {@code key}, if it is registered in this JVM. */
  static void rangeDone(String key) {
    RunProgress progress = key.isEmpty() ? null : RUNS.get(key);
    if (progress != null) {
      progress.rangesDone.incrementAndGet();
    }
  }

  /**
   * Sets how far the run got, as counted by workers in other JVMs (see {@link
   * DigestOptions#getProgressLocation()}); counts never go back.
   */
  public void report(ShardProgress total) {
    objectsDone.accumulateAndGet(total.objects(), Math::max);
    bytesDone.accumulateAndGet(total.bytes(), Math::max);
    rangesDone.accumulateAndGet(total.rangesDone(), Math::max);
    rangesTotal.accumulateAndGet(total.rangesTotal(), Math::max);
  }

  public long totalObjects() {
    return totalObjects;
  }

  public long totalBytes() {
    return totalBytes;
  }

  public long objectsDone() {
    return objectsDone.get();
  }

  public long bytesDone() {
    return bytesDone.get();
  }

  /** Key ranges merged so far. */
  public long rangesDone() {
    return rangesDone.get();
  }

  /** Key ranges to merge; 0 until the merge is planned. */
  public long rangesTotal() {
    return rangesTotal.get();
  }
}
