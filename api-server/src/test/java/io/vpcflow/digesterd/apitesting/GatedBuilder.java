package io.vpcflow.digesterd.apitesting;

import io.vpcflow.digesterd.launch.DigestBuilder;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.window.DigestWindow;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a builder: counts the builds it starts, and holds each one before it starts while the gate
 * is closed, so a test can look at a digest in progress.
 */
public final class GatedBuilder implements DigestBuilder {
  private final DigestBuilder delegate;
  private final AtomicInteger builds = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Object lock = new Object();
  private boolean open = true;

  public GatedBuilder(DigestBuilder delegate) {
    this.delegate = delegate;
  }

  /** Holds builds that start from now on. */
  public void close() {
    synchronized (lock) {
      open = false;
    }
  }

  /** Lets held and future builds run. */
  public void open() {
    synchronized (lock) {
      open = true;
      lock.notifyAll();
    }
  }

  /** Builds started since the last reset. */
  public int builds() {
    return builds.get();
  }

  public void resetCount() {
    builds.set(0);
  }

  @Override
  public String runnerName() {
    return delegate.runnerName();
  }

  @Override
  public DigestSummary build(DigestWindow window, String progressKey, RunnerListener runnerChosen)
      throws Exception {
    builds.incrementAndGet();
    inFlight.incrementAndGet();
    try {
      synchronized (lock) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!open && System.nanoTime() < deadline) {
          lock.wait(1000);
        }
      }
      return delegate.build(window, progressKey, runnerChosen);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /**
   * Waits until no build is running (at most {@code timeout}), then {@code settle} more for the
   * launcher to record its end: so that a test's leftover build cannot write into the next test.
   */
  public void awaitIdle(Duration timeout, Duration settle) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(settle.toMillis());
  }
}
