package io.vpcflow.digesterd.pipeline;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Cancellation of the digest runs executing in this JVM (DirectRunner, embedded Flink). {@link
 * DigestPipeline#run(DigestOptions, io.vpcflow.digesterd.layout.ObjectPlan)} registers each run
 * under a fresh token and cancels it when the thread waiting for the run is interrupted. The run's
 * {@code DoFn}s ask between objects whether it was cancelled ({@link #check}) and stop, and the
 * writer stores the summary that makes a digest exist only through {@link #commit}, which refuses
 * once the run is cancelled: after {@link #cancel} returns, the run never completes a digest.
 * Tokens unknown in this JVM (runs built without one, workers in other JVMs) are never cancelled
 * here. Thread-safe.
 */
public final class RunCancellation {
  private static final ConcurrentMap<String, RunCancellation> RUNS = new ConcurrentHashMap<>();

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean cancelled;

  private RunCancellation() {}

  /** A step that completes a run, such as storing its summary. */
  @FunctionalInterface
  public interface Step {
    void run() throws IOException;
  }

  /** A piece of a run's work that leaves an object behind, such as a spilled run. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws IOException;
  }

  /** Registers a run under {@code token} and returns its cancellation. */
  public static RunCancellation register(String token) {
    RunCancellation run = new RunCancellation();
    RUNS.put(token, run);
    return run;
  }

  /**
   * Forgets the run of {@code token} once it is over; a cancelled run stays known as cancelled, so
   * that its workers still finishing their current object stop and store nothing.
   */
  public static void unregister(String token) {
    RUNS.computeIfPresent(token, (key, run) -> run.cancelled ? run : null);
  }

  /**
   * Returns when the run of {@code token} may go on.
   *
   * @throws RunCancelledException when it was cancelled
   */
  public static void check(String token) throws RunCancelledException {
    RunCancellation run = RUNS.get(token);
    if (run != null) {
      run.throwIfCancelled();
    }
  }

  /**
   * Runs {@code step} unless the run of {@code token} was cancelled; a concurrent {@link #cancel}
   * waits until the step is over.
   *
   * @throws RunCancelledException when the run was cancelled (the step did not run)
   * @throws IOException when the step fails
   */
  public static void commit(String token, Step step) throws IOException {
    guard(
        token,
        () -> {
          step.run();
          return null;
        });
  }

  /**
   * Does {@code work} unless the run of {@code token} was cancelled; a concurrent {@link #cancel}
   * waits until the work is over, so once it returns no worker of this JVM starts writing an object
   * for the run. Works of one run proceed in parallel.
   *
   * @throws RunCancelledException when the run was cancelled (the work was not done)
   * @throws IOException when the work fails
   */
  public static <T> T guard(String token, Work<T> work) throws IOException {
    RunCancellation run = RUNS.get(token);
    if (run == null) {
      return work.run();
    }
    run.lock.readLock().lock();
    try {
      run.throwIfCancelled();
      return work.run();
    } finally {
      run.lock.readLock().unlock();
    }
  }

  /**
   * Cancels the run: from now on {@link #check}, {@link #commit} and {@link #guard} refuse. Waits
   * for the commits and works in progress to end.
   */
  public void cancel() {
    lock.writeLock().lock();
    try {
      cancelled = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void throwIfCancelled() throws RunCancelledException {
    if (cancelled) {
      throw new RunCancelledException("the digest run was cancelled");
    }
  }
}
