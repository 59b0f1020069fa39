package io.vpcflow.digesterd.launch;

import io.vpcflow.digesterd.window.DigestWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-process queue of digests to build: a fixed number of workers running the {@link Launcher},
 * and a bounded wait list whose markers are kept fresh while they wait. Full means rejected, never
 * blocked: callers answer at once. Thread-safe.
 */
public final class LaunchPool implements AutoCloseable {
  /** How long {@link #close(Duration)} waits for interrupted builds to cancel their pipelines. */
  public static final Duration CANCEL_WAIT = Duration.ofSeconds(10);

  private final Launcher launcher;
  private final int capacity;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService refresher;
  private final Set<DigestWindow> running = ConcurrentHashMap.newKeySet();

  /**
   * @param launcher builds each digest
   * @param concurrency digests built at the same time
   * @param capacity digests that may wait
   * @param refreshEvery how often waiting digests' markers are refreshed
   */
  public LaunchPool(Launcher launcher, int concurrency, int capacity, Duration refreshEvery) {
    this.launcher = launcher;
    this.capacity = capacity;
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            concurrency,
            concurrency,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(capacity),
            r -> daemon(r, "digest-worker-" + n.incrementAndGet()));
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "digest-queue-refresh"));
    refresher.scheduleWithFixedDelay(
        this::refreshWaiting,
        refreshEvery.toMillis(),
        refreshEvery.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread thread = new Thread(r, name);
    thread.setDaemon(true);
    return thread;
  }

  /**
   * Accepts {@code window} for building as soon as a worker is free.
   *
   * @throws LaunchRejectedException when the wait list is full or the pool is shut down
   */
  public void submit(DigestWindow window) throws LaunchRejectedException {
    try {
      workers.execute(new Launch(window));
    } catch (RejectedExecutionException e) {
      throw new LaunchRejectedException(
          workers.isShutdown()
              ? "the server is shutting down"
              : "the launch queue is full: "
                  + capacity
                  + " digests waiting (DIGEST_QUEUE_CAPACITY)");
    }
  }

  /** Digests waiting for a worker. */
  public int waiting() {
    return workers.getQueue().size();
  }

  private void refreshWaiting() {
    for (Object task : workers.getQueue().toArray()) {
      launcher.keepQueued(((Launch) task).window);
    }
  }

  /**
   * Stops taking digests. Waiting ones are marked failed at once; running ones get {@code grace} to
   * finish. Then the workers still building are interrupted, which cancels their pipelines ({@link
   * DigestBuilder}); each records itself failed, and those still running {@link #CANCEL_WAIT} later
   * are marked failed here. A digest marked failed is never published after. A new request retries
   * them.
   */
  public void close(Duration grace) {
    refresher.shutdownNow();
    List<Runnable> waiting = new ArrayList<>();
    workers.getQueue().drainTo(waiting);
    workers.shutdown();
    for (Runnable task : waiting) {
      launcher.abandon(
          ((Launch) task).window,
          "the server stopped before this digest started; request it again");
    }
    if (!awaitWorkers(grace)) {
      workers.shutdownNow();
      awaitWorkers(CANCEL_WAIT);
      for (DigestWindow window : running) {
        launcher.abandon(window, Launcher.STOPPED_WHILE_BUILDING);
      }
    }
  }

  private boolean awaitWorkers(Duration timeout) {
    try {
      return workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    close(Duration.ZERO);
  }

  private final class Launch implements Runnable {
    private final DigestWindow window;

    Launch(DigestWindow window) {
      this.window = window;
    }

    @Override
    public void run() {
      running.add(window);
      try {
        launcher.run(window);
      } finally {
        running.remove(window);
      }
    }
  }
}
