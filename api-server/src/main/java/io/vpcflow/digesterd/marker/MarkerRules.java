package io.vpcflow.digesterd.marker;

import io.vpcflow.digesterd.window.DigestWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one home of a digest marker's life, for a digest not stored (a stored digest wins over any
 * marker, and callers check the store first):
 *
 * <ul>
 *   <li>a queued or running marker updated within the stale timeout is in progress; one not updated
 *       for longer is stale, its worker presumed dead;
 *   <li>a request (POST) writes a queued marker for a window never requested, or the next attempt
 *       over a failed, stale or done-without-digest one, and leaves one in progress alone;
 *   <li>a worker's claim turns a queued marker (or none) into a running one, takes over a stale
 *       running one or a done one without digest, and leaves a live running one and a failed one
 *       (not requested again) alone.
 * </ul>
 *
 * Which write wins is for the marker store's compare-and-set; these rules only say what to write.
 */
public final class MarkerRules {
  /** What a marker says of a digest that is not stored. */
  public enum Status {
    QUEUED,
    RUNNING,
    /** Queued or running, but not updated within the stale timeout. */
    STALE,
    FAILED,
    /** Marked done, yet the digest is not (or not yet) in the store. */
    DONE_WITHOUT_DIGEST
  }

  private final Duration staleAfter;

  /** Rules under which a queued or running marker not updated for {@code staleAfter} is stale. */
  public MarkerRules(Duration staleAfter) {
    this.staleAfter = staleAfter;
  }

  public Duration staleAfter() {
    return staleAfter;
  }

  /** What {@code marker} says at {@code now} of its digest, which is not stored. */
  public Status status(Marker marker, Instant now) {
    return switch (marker.state()) {
      case QUEUED, RUNNING -> {
        if (!marker.activeAt(now, staleAfter)) {
          yield Status.STALE;
        }
        yield marker.state() == MarkerState.QUEUED ? Status.QUEUED : Status.RUNNING;
      }
      case FAILED -> Status.FAILED;
      case DONE -> Status.DONE_WITHOUT_DIGEST;
    };
  }

  /**
   * The marker a request for {@code window} writes over {@code current} (none: never requested):
   * empty while the digest is in progress.
   */
  public Optional<Marker> request(
      Optional<Marker> current, DigestWindow window, String owner, Instant now) {
    if (current.isEmpty()) {
      return Optional.of(Marker.queued(window, owner, now));
    }
    Marker marker = current.get();
    return switch (status(marker, now)) {
      case QUEUED, RUNNING -> Optional.empty();
      case STALE, FAILED, DONE_WITHOUT_DIGEST -> Optional.of(marker.requeued(window, owner, now));
    };
  }

  /**
   * The running marker {@code worker}'s claim on {@code window} writes over {@code current} (none:
   * never requested): empty when another worker runs it, or when it failed and was not requested
   * again.
   */
  public Optional<Marker> claim(
      Optional<Marker> current,
      DigestWindow window,
      String worker,
      String runnerName,
      Instant now) {
    if (current.isEmpty()) {
      return Optional.of(Marker.queued(window, worker, now).running(worker, runnerName, now));
    }
    Marker marker = current.get();
    return switch (marker.state()) {
      case QUEUED -> Optional.of(marker.running(worker, runnerName, now));
      case RUNNING, DONE ->
          status(marker, now) == Status.RUNNING
              ? Optional.empty()
              : Optional.of(marker.requeued(window, worker, now).running(worker, runnerName, now));
      case FAILED -> Optional.empty();
    };
  }
}
