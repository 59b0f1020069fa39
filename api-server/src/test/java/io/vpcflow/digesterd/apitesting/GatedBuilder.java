package io.vpcflow.digesterd.apitesting;

import io.vpcflow.digesterd.launch.DigestBuilder;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.window.DigestWindow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a builder: counts the builds it starts, and holds each one before it starts while the gate
 * is closed, so a test can look at a digest in progress.
 */
public final class GatedBuilder implements DigestBuilder {
  private final DigestBuilder delegate;
  private final AtomicInteger builds = new AtomicInteger();
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
  public DigestSummary build(DigestWindow window, String progressKey, RunnerListener runnerChosen) throws Exception {
    builds.incrementAndGet();
    synchronized (lock) {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!open && System.nanoTime() < deadline) {
        lock.wait(1000);
      }
    }
    return delegate.build(window, progressKey, runnerChosen);
  }
}
