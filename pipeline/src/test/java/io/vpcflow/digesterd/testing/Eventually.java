package io.vpcflow.digesterd.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Waiting in tests for what happens on other threads. */
public final class Eventually {
  private Eventually() {}

  /**
   * Returns once {@code condition} holds, checking every 50 ms.
   *
   * @throws AssertionError naming {@code what} when it does not hold within {@code timeout}
   */
  public static void until(BooleanSupplier condition, Duration timeout, String what)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + timeout + " waiting until " + what);
      }
      Thread.sleep(50);
    }
  }

  /**
   * Returns the first value of {@code probe} that {@code done} accepts, probing every 50 ms.
   *
   * @throws AssertionError naming {@code what} and the last value probed when none is accepted
   *     within {@code timeout}
   */
  public static <T> T value(Callable<T> probe, Predicate<T> done, Duration timeout, String what)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    T value = probe.call();
    while (!done.test(value)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "timed out after " + timeout + " waiting until " + what + "; last: " + value);
      }
      Thread.sleep(50);
      value = probe.call();
    }
    return value;
  }

  /** Whether any thread of a DirectRunner pipeline is alive in this JVM. */
  public static boolean directRunnerThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && t.getName().startsWith("direct-runner-worker"));
  }
}
