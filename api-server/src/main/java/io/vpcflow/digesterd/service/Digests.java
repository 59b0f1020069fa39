package io.vpcflow.digesterd.service;

import io.vpcflow.digesterd.launch.LaunchPool;
import io.vpcflow.digesterd.launch.LaunchRejectedException;
import io.vpcflow.digesterd.launch.Launcher;
import io.vpcflow.digesterd.marker.Marker;
import io.vpcflow.digesterd.marker.MarkerRules;
import io.vpcflow.digesterd.marker.MarkerState;
import io.vpcflow.digesterd.marker.MarkerStore;
import io.vpcflow.digesterd.marker.Progress;
import io.vpcflow.digesterd.marker.StoredMarker;
import io.vpcflow.digesterd.pipeline.RunProgress;
import io.vpcflow.digesterd.queue.QueueException;
import io.vpcflow.digesterd.queue.Queuer;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.store.DigestStore;
import io.vpcflow.digesterd.store.StreamStatusReader;
import io.vpcflow.digesterd.stream.StreamStatus;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the API's requests do, apart from HTTP. A stored digest wins over any marker: its window is
 * done. Otherwise the marker's rules ({@link MarkerRules}) say what it means and what a request
 * writes; a stale marker is reported failed. Creating claims the marker with compare-and-set before
 * queueing: of concurrent requests exactly one wins; the others see it in progress.
 *
 * <p>Thread-safe.
 */
public final class Digests {
  private static final int CLAIM_TRIES = 3;

  private final DigestStore store;
  private final MarkerStore markers;
  private final Queuer queuer;
  private final LaunchPool pool;
  private final MarkerRules rules;
  private final String owner;
  private final StreamStatusReader streams;
  private final Clock clock;

  /**
   * @param store where digests are served from
   * @param markers the progress markers
   * @param queuer hands created digests to the workers
   * @param pool this process's workers, fed by the worker route
   * @param staleAfter a queued or running marker not updated for this long is stale
   * @param owner the name of this process in markers
   * @param streams the status document of the stream
   * @param clock the time written into markers
   */
  public Digests(
      DigestStore store,
      MarkerStore markers,
      Queuer queuer,
      LaunchPool pool,
      Duration staleAfter,
      String owner,
      StreamStatusReader streams,
      Clock clock) {
    this.store = store;
    this.markers = markers;
    this.queuer = queuer;
    this.pool = pool;
    this.rules = new MarkerRules(staleAfter);
    this.owner = owner;
    this.streams = streams;
    this.clock = clock;
  }

  /**
   * Requests the digest of {@code window}: marks it queued and queues it, unless it exists or is in
   * progress.
   *
   * @throws IOException when the store or the markers cannot be reached
   * @throws QueueException when the job could not be queued (the marker then says failed)
   */
  public CreateResult create(DigestWindow window) throws IOException, QueueException {
    UUID id = window.digestId();
    for (int i = 0; i < CLAIM_TRIES; i++) {
      if (store.exists(id)) {
        return new CreateResult(CreateResult.Outcome.EXISTS, "digest " + id + " already exists");
      }
      Optional<StoredMarker> current = markers.read(id);
      Optional<Marker> marker = current.map(StoredMarker::marker);
      if (marker.isPresent() && marker.get().state() == MarkerState.DONE && store.exists(id)) {
        continue;
      }
      Optional<Marker> next = rules.request(marker, window, owner, clock.instant());
      if (next.isEmpty()) {
        return inProgress(id, marker.get());
      }
      Marker queued = next.get();
      Optional<String> version = markers.writeOver(id, queued, current);
      if (version.isPresent()) {
        enqueue(window, queued, version.get());
        return new CreateResult(
            CreateResult.Outcome.QUEUED,
            "digest " + id + " of " + window + " queued (attempt " + queued.attempt() + ")");
      }
    }
    return markers
        .read(id)
        .map(m -> inProgress(id, m.marker()))
        .orElse(
            new CreateResult(
                CreateResult.Outcome.IN_PROGRESS,
                "digest " + id + " is being requested by another caller"));
  }

  private static CreateResult inProgress(UUID id, Marker marker) {
    return new CreateResult(
        CreateResult.Outcome.IN_PROGRESS,
        "digest "
            + id
            + " is "
            + marker.state().label()
            + " (attempt "
            + marker.attempt()
            + ", "
            + marker.owner()
            + ")");
  }

  private void enqueue(DigestWindow window, Marker queued, String version)
      throws IOException, QueueException {
    try {
      queuer.queue(window);
    } catch (QueueException e) {
      markers.replace(
          window.digestId(),
          queued.failed("could not be queued: " + e.getMessage(), clock.instant()),
          version);
      throw e;
    }
  }

  /**
   * Where the digest of {@code window} is.
   *
   * @throws IOException when the store or the markers cannot be reached
   */
  public WindowState state(DigestWindow window) throws IOException {
    UUID id = window.digestId();
    if (store.exists(id)) {
      return new WindowState(
          window, DigestState.DONE, markers.read(id).map(StoredMarker::marker), null);
    }
    Optional<Marker> marker = markers.read(id).map(StoredMarker::marker);
    if (marker.isEmpty()) {
      return new WindowState(window, DigestState.ABSENT, marker, null);
    }
    Marker m = marker.get();
    return switch (rules.status(m, clock.instant())) {
      case QUEUED -> new WindowState(window, DigestState.QUEUED, marker, null);
      case RUNNING -> new WindowState(window, DigestState.RUNNING, marker, null);
      case STALE ->
          new WindowState(
              window,
              DigestState.FAILED,
              marker,
              "stalled: "
                  + m.state().label()
                  + " by "
                  + m.owner()
                  + " with no update since "
                  + m.updatedAt()
                  + " (longer than DIGEST_PROGRESS_TIMEOUT "
                  + rules.staleAfter().toMillis()
                  + " ms); its worker is presumed dead");
      case FAILED -> new WindowState(window, DigestState.FAILED, marker, m.reason());
      // The digest may have been stored between the check above and the marker's read.
      case DONE_WITHOUT_DIGEST ->
          store.exists(id)
              ? new WindowState(window, DigestState.DONE, marker, null)
              : new WindowState(window, DigestState.ABSENT, marker, null);
    };
  }

  /**
   * The gzip'd digest lines of {@code id} (close the stream), if the digest exists.
   *
   * @throws IOException when the store cannot be reached
   */
  public Optional<InputStream> open(UUID id) throws IOException {
    return store.open(id);
  }

  /**
   * The status of the digest of {@code window}, with live progress when it runs in this process.
   *
   * @throws IOException when the store or the markers cannot be reached
   */
  public DigestStatus status(DigestWindow window) throws IOException {
    WindowState state = state(window);
    Marker marker = state.marker().orElse(null);
    if (state.state() == DigestState.DONE) {
      return doneStatus(window, marker);
    }
    if (state.state() == DigestState.ABSENT) {
      return new DigestStatus(
          window.digestId().toString(),
          window.start(),
          window.stop(),
          DigestState.ABSENT,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
    Progress progress =
        RunProgress.of(Launcher.progressKey(window.digestId(), marker.attempt()))
            .map(Progress::of)
            .orElse(marker.progress());
    Long ranFor =
        marker.startedAt() == null
            ? null
            : Duration.between(
                    marker.startedAt(),
                    marker.finishedAt() == null ? clock.instant() : marker.finishedAt())
                .toMillis();
    return new DigestStatus(
        window.digestId().toString(),
        window.start(),
        window.stop(),
        state.state(),
        marker.attempt(),
        marker.owner(),
        marker.runner(),
        marker.runnerReason(),
        StatusProgress.of(progress, false),
        marker.queuedAt(),
        marker.startedAt(),
        marker.updatedAt(),
        marker.finishedAt(),
        ranFor,
        state.reason(),
        state.state() == DigestState.FAILED
            ? store.summary(window.digestId()).filter(s -> !s.succeeded()).orElse(null)
            : null);
  }

  /**
   * The status of a stored digest, from its summary and its marker, if any (the marker may still
   * say running for a moment after the digest is stored).
   */
  private DigestStatus doneStatus(DigestWindow window, Marker done) throws IOException {
    DigestSummary s = store.summary(window.digestId()).orElse(null);
    StatusProgress progress = s == null ? null : StatusProgress.of(Progress.done(s), true);
    return new DigestStatus(
        window.digestId().toString(),
        window.start(),
        window.stop(),
        DigestState.DONE,
        done == null ? null : done.attempt(),
        done == null ? null : done.owner(),
        s != null ? s.runner() : done == null ? null : done.runner(),
        s != null ? s.runnerReason() : done == null ? null : done.runnerReason(),
        progress,
        done == null ? null : done.queuedAt(),
        s == null ? null : s.startedAt(),
        done == null ? null : done.updatedAt(),
        s == null ? null : s.finishedAt(),
        s == null ? null : s.durationMillis(),
        null,
        s);
  }

  /**
   * What the stream last reported in its status document, with how long ago; {@link
   * StreamReport#none} when no stream ever wrote one.
   *
   * @throws IOException when the document cannot be read
   */
  public StreamReport stream() throws IOException {
    Optional<StreamStatus> status = streams.read();
    if (status.isEmpty()) {
      return StreamReport.none(streams.uri());
    }
    long age = Duration.between(status.get().updatedAt(), clock.instant()).toMillis();
    return new StreamReport(true, streams.uri(), null, Math.max(0, age), status.get());
  }

  /** The most summaries read to answer one page of {@link #stored}. */
  public static final int MAX_SCANNED = 500;

  /**
   * The stored digests (built, or whose last attempt failed) whose windows overlap {@code [from,
   * to)}, by id, after the id {@code after} (null from the first); at most {@code limit} of them,
   * reading at most {@link #MAX_SCANNED} summaries: {@link StoredDigests#next} says where to go on.
   *
   * @return empty when the digest store cannot list its digests
   * @throws IOException when the store cannot be reached
   */
  public Optional<StoredDigests> stored(Instant from, Instant to, String after, int limit)
      throws IOException {
    Optional<List<UUID>> ids = store.summaryIds(after, MAX_SCANNED);
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    List<StoredDigests.Item> page = new ArrayList<>();
    String last = null;
    for (UUID id : ids.get()) {
      if (page.size() == limit) {
        return Optional.of(new StoredDigests(page, last));
      }
      last = id.toString();
      Optional<DigestSummary> summary = store.summary(id);
      if (summary.isPresent() && overlaps(summary.get(), from, to)) {
        DigestSummary s = summary.get();
        page.add(
            new StoredDigests.Item(
                s.id(),
                s.start(),
                s.stop(),
                s.succeeded() ? DigestSummary.DONE : DigestSummary.FAILED,
                s.keys(),
                s.records() == null ? null : s.records().digested(),
                s.digestBytes(),
                s.finishedAt(),
                s.reason()));
      }
    }
    return Optional.of(new StoredDigests(page, ids.get().size() == MAX_SCANNED ? last : null));
  }

  private static boolean overlaps(DigestSummary s, Instant from, Instant to) {
    return s.start() != null
        && s.stop() != null
        && s.start().isBefore(to)
        && s.stop().isAfter(from);
  }

  /**
   * Accepts a job delivered to this process's worker route: hands it to the launch pool, which
   * builds it later (or skips it if it exists or runs elsewhere).
   *
   * @throws LaunchRejectedException when the pool is full or shutting down
   */
  public void work(DigestWindow window) throws LaunchRejectedException {
    pool.submit(window);
  }
}
