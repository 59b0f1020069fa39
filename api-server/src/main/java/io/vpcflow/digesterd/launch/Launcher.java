package io.vpcflow.digesterd.launch;

import io.micrometer.core.instrument.MeterRegistry;
import io.vpcflow.digesterd.marker.Marker;
import io.vpcflow.digesterd.marker.MarkerRules;
import io.vpcflow.digesterd.marker.MarkerState;
import io.vpcflow.digesterd.marker.MarkerStore;
import io.vpcflow.digesterd.marker.Progress;
import io.vpcflow.digesterd.marker.StoredMarker;
import io.vpcflow.digesterd.pipeline.RunProgress;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.stats.DigestMetrics;
import io.vpcflow.digesterd.stats.Stats;
import io.vpcflow.digesterd.store.DigestStore;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one window's digest on the calling thread, guarded by its marker: it claims the marker as
 * {@link MarkerRules#claim} says (a queued one, a stale one by takeover, or none by creating it)
 * with compare-and-set, so one worker builds each attempt however often a job is delivered; writes
 * progress into the marker while the builder runs; and records done or failed with the reason. A
 * window whose digest exists, or that another worker is building, is skipped. Thread-safe.
 */
public final class Launcher implements AutoCloseable {
  /** The reason recorded for a digest whose build was stopped because this process stops. */
  static final String STOPPED_WHILE_BUILDING =
      "the server stopped while building this digest; request it again";

  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

  private final MarkerStore markers;
  private final DigestStore store;
  private final DigestStore pipelineOutput;
  private final DigestBuilder builder;
  private final MarkerRules rules;
  private final String owner;
  private final Clock clock;
  private final Duration heartbeat;
  private final ScheduledExecutorService heartbeats;
  private final MeterRegistry meters;
  private final ConcurrentMap<UUID, Claim> building = new ConcurrentHashMap<>();

  /**
   * @param markers the progress markers
   * @param store where digests are served from (receives {@link DigestStore#publish})
   * @param pipelineOutput the digests as the pipeline writes them
   * @param builder builds a digest
   * @param staleAfter a queued or running marker not updated for this long may be taken over
   * @param owner the name of this process in markers
   * @param clock the time written into markers
   */
  public Launcher(
      MarkerStore markers,
      DigestStore store,
      DigestStore pipelineOutput,
      DigestBuilder builder,
      Duration staleAfter,
      String owner,
      Clock clock) {
    this(markers, store, pipelineOutput, builder, staleAfter, owner, clock, Stats.none());
  }

  /**
   * Like the other constructor, recording per-digest metrics in {@code meters} (see {@link Stats}).
   */
  public Launcher(
      MarkerStore markers,
      DigestStore store,
      DigestStore pipelineOutput,
      DigestBuilder builder,
      Duration staleAfter,
      String owner,
      Clock clock,
      MeterRegistry meters) {
    this.meters = meters;
    this.markers = markers;
    this.store = store;
    this.pipelineOutput = pipelineOutput;
    this.builder = builder;
    this.rules = new MarkerRules(staleAfter);
    this.owner = owner;
    this.clock = clock;
    this.heartbeat = heartbeatInterval(staleAfter);
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "digest-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * How often a running digest writes its marker: a quarter of the stale timeout, between 50 ms and
   * 5 s, so a live run never looks stale and progress is never more than 5 s old.
   */
  public static Duration heartbeatInterval(Duration staleAfter) {
    Duration quarter = staleAfter.dividedBy(4);
    Duration max = Duration.ofSeconds(5);
    Duration min = Duration.ofMillis(50);
    return quarter.compareTo(max) > 0 ? max : quarter.compareTo(min) < 0 ? min : quarter;
  }

  /** The key under which attempt {@code attempt} of digest {@code id} publishes live progress. */
  public static String progressKey(UUID id, int attempt) {
    return id + "#" + attempt;
  }

  /**
   * Builds the digest of {@code window} unless it exists or is claimed by another worker; never
   * throws.
   */
  public void run(DigestWindow window) {
    Optional<Claim> claim;
    try {
      claim = claim(window);
    } catch (IOException e) {
      LOG.atWarn()
          .addKeyValue("event", "dependency-failure")
          .addKeyValue("id", window.digestId())
          .log("cannot claim digest {} {}: {}", window.digestId(), window, e.getMessage());
      return;
    }
    claim.ifPresent(c -> build(window, c));
  }

  private Optional<Claim> claim(DigestWindow window) throws IOException {
    UUID id = window.digestId();
    if (store.exists(id)) {
      LOG.info("digest {} exists: nothing to build", id);
      return Optional.empty();
    }
    Optional<StoredMarker> current = markers.read(id);
    Optional<Marker> marker = current.map(StoredMarker::marker);
    if (marker.isPresent() && marker.get().state() == MarkerState.DONE && store.exists(id)) {
      return Optional.empty();
    }
    Optional<Marker> running =
        rules.claim(marker, window, owner, builder.runnerName(), clock.instant());
    if (running.isEmpty()) {
      if (marker.get().state() == MarkerState.FAILED) {
        LOG.info("digest {} failed before and was not requested again: skipped", id);
      } else {
        LOG.info("digest {} is being built by {}: skipped", id, marker.get().owner());
      }
      return Optional.empty();
    }
    Marker claimed = running.get();
    return markers.writeOver(id, claimed, current).map(v -> new Claim(id, claimed, v));
  }

  private void build(DigestWindow window, Claim claim) {
    UUID id = window.digestId();
    building.put(id, claim);
    try {
      build(window, id, claim);
    } finally {
      building.remove(id, claim);
    }
  }

  private void build(DigestWindow window, UUID id, Claim claim) {
    String key = progressKey(id, claim.attempt());
    LOG.atInfo()
        .addKeyValue("event", "digest-started")
        .addKeyValue("id", id)
        .log("building digest {} {} (attempt {})", id, window, claim.attempt());
    long began = System.nanoTime();
    ScheduledFuture<?> beat =
        heartbeats.scheduleAtFixedRate(
            () -> claim.heartbeat(key),
            heartbeat.toMillis(),
            heartbeat.toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      DigestSummary summary =
          builder.build(
              window,
              key,
              (runner, why) -> claim.update(m -> m.withRunner(runner, why, clock.instant())));
      claim.publish(() -> store.publish(summary, pipelineOutput));
      beat.cancel(false);
      claim.finish(m -> m.done(Progress.done(summary), summary.runner(), clock.instant()));
      DigestMetrics.done(meters, summary);
      LOG.atInfo()
          .addKeyValue("event", "digest-done")
          .addKeyValue("id", id)
          .log(
              "digest {} done: {} keys, {} bytes in {} ms",
              id,
              summary.keys(),
              summary.digestBytes(),
              summary.durationMillis());
    } catch (Exception | LinkageError | AssertionError e) {
      beat.cancel(false);
      // Interrupted when this process stops: the builder cancelled its run. The flag is cleared
      // while the marker is written (S3 clients give up on interrupted threads), then restored.
      boolean stopped = Thread.interrupted() || e instanceof InterruptedException;
      String reason = stopped ? STOPPED_WHILE_BUILDING : Failures.describe(e);
      if (stopped) {
        claim.update(m -> m.failed(reason, clock.instant()));
      } else {
        claim.finish(m -> m.failed(reason, clock.instant()));
      }
      recordFailure(window, claim.current(), reason);
      DigestMetrics.failed(meters, Duration.ofNanos(System.nanoTime() - began));
      LOG.atWarn()
          .addKeyValue("event", "digest-failed")
          .addKeyValue("id", id)
          .setCause(e)
          .log("digest {} {} failed: {}", id, window, reason);
      if (stopped) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Records the failure as the digest's summary, unless the store keeps none or cannot be reached.
   */
  private void recordFailure(DigestWindow window, Marker marker, String reason) {
    Instant started = marker.startedAt() == null ? clock.instant() : marker.startedAt();
    try {
      store.recordFailure(
          DigestSummary.failed(
              window.digestId().toString(),
              window.start(),
              window.stop(),
              marker.runner(),
              marker.runnerReason(),
              started,
              clock.instant(),
              reason));
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "cannot record the failure of digest {} in its summary: {}",
          window.digestId(),
          e.getMessage());
    }
  }

  /**
   * Refreshes the update time of a queued marker, so that a digest waiting in this process's queue
   * does not look abandoned.
   */
  public void keepQueued(DigestWindow window) {
    UUID id = window.digestId();
    try {
      Optional<StoredMarker> current = markers.read(id);
      if (current.isPresent() && current.get().marker().state() == MarkerState.QUEUED) {
        markers.replace(
            id, current.get().marker().touched(clock.instant()), current.get().version());
      }
    } catch (IOException e) {
      LOG.warn("cannot refresh the queued marker of {}: {}", id, e.getMessage());
    }
  }

  /**
   * Records that this process will not finish {@code window} (it stops): a queued marker, or a
   * running one of this process, becomes failed with {@code reason}, so a new request retries at
   * once instead of after the stale timeout. A digest this launcher is building is never published
   * after this.
   */
  public void abandon(DigestWindow window, String reason) {
    UUID id = window.digestId();
    Claim claim = building.get(id);
    if (claim != null) {
      claim.abandon(reason);
      return;
    }
    try {
      Optional<StoredMarker> current = markers.read(id);
      if (current.isEmpty()) {
        return;
      }
      Marker marker = current.get().marker();
      if (marker.state() == MarkerState.QUEUED
          || (marker.state() == MarkerState.RUNNING && owner.equals(marker.owner()))) {
        markers.replace(id, marker.failed(reason, clock.instant()), current.get().version());
      }
    } catch (IOException e) {
      LOG.warn("cannot mark digest {} as abandoned: {}", id, e.getMessage());
    }
  }

  @Override
  public void close() {
    heartbeats.shutdownNow();
  }

  /** Hands a built digest to the digest store. */
  @FunctionalInterface
  private interface Publication {
    void run() throws IOException;
  }

  /** A marker this launcher won, and its current version; updates are compare-and-set. */
  private final class Claim {
    private final UUID id;
    private Marker marker;
    private String version;
    private boolean lost;
    private boolean abandoned;

    Claim(UUID id, Marker marker, String version) {
      this.id = id;
      this.marker = marker;
      this.version = version;
    }

    synchronized Marker current() {
      return marker;
    }

    int attempt() {
      return marker.attempt();
    }

    /** Writes live progress while the marker is running. */
    synchronized void heartbeat(String progressKey) {
      if (marker.state() != MarkerState.RUNNING) {
        return;
      }
      Progress progress = RunProgress.of(progressKey).map(Progress::of).orElse(marker.progress());
      update(m -> m.withProgress(progress, clock.instant()));
    }

    /**
     * Publishes the built digest unless the claim was abandoned.
     *
     * @throws IOException when it was abandoned, or publishing fails
     */
    synchronized void publish(Publication publication) throws IOException {
      if (abandoned) {
        throw new IOException("digest " + id + " was abandoned before it could be published");
      }
      publication.run();
    }

    /**
     * Marks a running digest failed with {@code reason}; from now on nothing is published or
     * updated.
     */
    synchronized void abandon(String reason) {
      if (marker.state() == MarkerState.RUNNING) {
        update(m -> m.failed(reason, clock.instant()));
      }
      abandoned = true;
      lost = true;
    }

    synchronized void update(UnaryOperator<Marker> change) {
      tryUpdate(change);
    }

    /**
     * Records the end of the attempt: like {@link #update}, tried again every second while the
     * markers cannot be reached (an S3 outage that may also be why the run failed), for up to the
     * stale timeout; after that the marker goes stale and the next request takes it over.
     */
    synchronized void finish(UnaryOperator<Marker> change) {
      long deadline = System.nanoTime() + rules.staleAfter().toNanos();
      while (!tryUpdate(change) && System.nanoTime() < deadline) {
        try {
          wait(Math.min(1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    /** Writes the changed marker; false when the markers could not be reached. */
    private boolean tryUpdate(UnaryOperator<Marker> change) {
      if (lost) {
        return true;
      }
      Marker next = change.apply(marker);
      try {
        Optional<String> written = markers.replace(id, next, version);
        if (written.isEmpty()) {
          lost = true;
          LOG.warn(
              "the marker of digest {} was taken over by another worker: no longer updating it",
              id);
          return true;
        }
        marker = next;
        version = written.get();
        return true;
      } catch (IOException | RuntimeException e) {
        LOG.warn("cannot update the marker of digest {}: {}", id, e.getMessage());
        return false;
      }
    }
  }
}
