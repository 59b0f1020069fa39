package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.pipeline.RunProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints the {@link RunProgress} of a run every interval, and once more when closed: objects and
 * bytes read of the total, and the read rate. Runs on a daemon thread until closed.
 */
final class ProgressPrinter implements AutoCloseable {
  private final Thread thread;
  private final String progressKey;
  private final PrintStream out;
  private final long started = System.nanoTime();
  private volatile boolean running = true;

  ProgressPrinter(String progressKey, PrintStream out, long intervalMillis) {
    this.progressKey = progressKey;
    this.out = out;
    thread =
        new Thread(
            () -> {
              while (running) {
                try {
                  Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                  return;
                }
                RunProgress.of(progressKey).ifPresent(p -> out.println(line(p, started)));
              }
            },
            "progress-printer");
    thread.setDaemon(true);
    thread.start();
  }

  static String line(RunProgress p, long startedNanos) {
    double seconds = Math.max(0.001, (System.nanoTime() - startedNanos) / 1e9);
    double percent = p.totalBytes() == 0 ? 100.0 : 100.0 * p.bytesDone() / p.totalBytes();
    String read =
        String.format(
            Locale.ROOT,
            "progress: %d/%d objects, %s/%s (%.1f%%), %s/s",
            p.objectsDone(),
            p.totalObjects(),
            Sizes.human(p.bytesDone()),
            Sizes.human(p.totalBytes()),
            percent,
            Sizes.human((long) (p.bytesDone() / seconds)));
    return p.rangesTotal() == 0
        ? read
        : read
            + String.format(Locale.ROOT, ", merged %d/%d ranges", p.rangesDone(), p.rangesTotal());
  }

  /** Stops printing, after one last line with the final counts. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RunProgress.of(progressKey).ifPresent(p -> out.println(line(p, started)));
  }
}
