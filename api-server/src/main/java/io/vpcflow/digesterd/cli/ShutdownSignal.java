package io.vpcflow.digesterd.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns the configured signals ({@code RUNTIME_SIGNALS_OS_SIGNALS}, by default SIGTERM and SIGINT)
 * into a request to stop: while open, they no longer end the JVM but release {@link #await}, so the
 * caller stops the service in order and exits 0. Other signals keep their handlers. Closing
 * restores the previous handlers.
 */
final class ShutdownSignal implements AutoCloseable {
  private final CountDownLatch stop = new CountDownLatch(1);
  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
  private volatile String received = "";

  /**
   * @param signals the JVM names of the signals to take (e.g. {@code TERM})
   */
  ShutdownSignal(List<String> signals) {
    for (String name : signals) {
      Signal signal = new Signal(name);
      previous.put(
          signal,
          Signal.handle(
              signal,
              s -> {
                received = "SIG" + s.getName();
                stop.countDown();
              }));
    }
  }

  /** Blocks until a stop signal arrives; returns its name (e.g. {@code SIGTERM}). */
  String await() throws InterruptedException {
    stop.await();
    return received;
  }

  @Override
  public void close() {
    previous.forEach(Signal::handle);
  }
}
