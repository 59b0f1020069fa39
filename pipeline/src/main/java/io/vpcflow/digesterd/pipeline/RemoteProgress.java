package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.report.ShardProgress;
import io.vpcflow.digesterd.s3.BucketPurpose;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the {@link ProgressFiles} of a run executing in other JVMs and publishes their sum as the
 * run's {@link RunProgress} in this JVM, so the command line and the server show it like the
 * progress of a local run. Closing it reads one last time and deletes the files.
 */
final class RemoteProgress implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteProgress.class);

  private final String location;
  private final String progressKey;
  private final Map<String, ShardProgress> lastSeen = new HashMap<>();
  private final ScheduledExecutorService poller;

  /**
   * Follows the files under {@code location} every {@code interval}, publishing under {@code
   * progressKey}; with an empty location (workers in this JVM publish directly) it does nothing.
   */
  static RemoteProgress follow(String location, String progressKey, Duration interval) {
    return new RemoteProgress(location, progressKey, interval);
  }

  private RemoteProgress(String location, String progressKey, Duration interval) {
    this.location = location;
    this.progressKey = progressKey;
    if (location.isEmpty()) {
      this.poller = null;
      return;
    }
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "digest-remote-progress");
              thread.setDaemon(true);
              return thread;
            });
    poller.scheduleWithFixedDelay(
        this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void poll() {
    try {
      lastSeen.putAll(ProgressFiles.read(location));
      ShardProgress total = ShardProgress.sum(lastSeen.values());
      RunProgress.of(progressKey).ifPresent(run -> run.report(total));
    } catch (IOException | RuntimeException e) {
      LOG.debug(
          "cannot read the progress files under {}: {}",
          BucketPurpose.display(location),
          BucketPurpose.display(e.getMessage()));
    }
  }

  @Override
  public void close() {
    if (poller == null) {
      return;
    }
    poller.shutdownNow();
    poll();
    try {
      ProgressFiles.delete(location);
    } catch (IOException e) {
      LOG.warn(
          "cannot delete the progress files under {}: {}",
          BucketPurpose.display(location),
          BucketPurpose.display(e.getMessage()));
    }
  }
}
