package io.vpcflow.digesterd.marker;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vpcflow.digesterd.window.DigestWindow;
import java.time.Duration;
import java.time.Instant;

/**
 * The body of a progress marker. Times are RFC 3339 (UTC) in JSON; fields that do not apply to the
 * state are null and left out of the JSON. Immutable: each transition returns a new marker.
 *
 * @param id the digest id
 * @param start the window start
 * @param stop the window stop
 * @param state where the digest is
 * @param attempt 1 for the first request, one more for each retry or takeover
 * @param owner the process that queued or runs it ({@code host/pid/random})
 * @param queuedAt when this attempt was accepted
 * @param startedAt when a worker started this attempt
 * @param updatedAt when the marker was last written; a queued or running marker not updated for
 *     {@code DIGEST_PROGRESS_TIMEOUT} is stale
 * @param finishedAt when this attempt ended (done or failed)
 * @param progress how far the run got
 * @param runner the Beam runner, once known
 * @param runnerReason why that runner was chosen, once known
 * @param reason why the attempt failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Marker(
    String id,
    Instant start,
    Instant stop,
    MarkerState state,
    int attempt,
    String owner,
    Instant queuedAt,
    Instant startedAt,
    Instant updatedAt,
    Instant finishedAt,
    Progress progress,
    String runner,
    String runnerReason,
    String reason) {

  /**
   * A marker; a missing progress (a marker written by hand or by an older version) reads as none.
   */
  public Marker {
    progress = progress == null ? Progress.NONE : progress;
  }

  /** A first, queued attempt at {@code window}. */
  public static Marker queued(DigestWindow window, String owner, Instant now) {
    return new Marker(
        window.digestId().toString(),
        window.start(),
        window.stop(),
        MarkerState.QUEUED,
        1,
        owner,
        now,
        null,
        now,
        null,
        Progress.NONE,
        null,
        null,
        null);
  }

  /**
   * The next attempt, queued by {@code owner}: a retry after a failure or the takeover of a stale
   * marker.
   */
  public Marker requeued(DigestWindow window, String newOwner, Instant now) {
    return new Marker(
        window.digestId().toString(),
        window.start(),
        window.stop(),
        MarkerState.QUEUED,
        attempt + 1,
        newOwner,
        now,
        null,
        now,
        null,
        Progress.NONE,
        null,
        null,
        null);
  }

  /** This attempt, started by {@code worker}. */
  public Marker running(String worker, String runnerName, Instant now) {
    return new Marker(
        id,
        start,
        stop,
        MarkerState.RUNNING,
        attempt,
        worker,
        queuedAt,
        now,
        now,
        null,
        Progress.NONE,
        runnerName,
        null,
        null);
  }

  /** This marker with fresh progress. */
  public Marker withProgress(Progress newProgress, Instant now) {
    return new Marker(
        id,
        start,
        stop,
        state,
        attempt,
        owner,
        queuedAt,
        startedAt,
        now,
        finishedAt,
        newProgress,
        runner,
        runnerReason,
        reason);
  }

  /** This running attempt, with the runner chosen for it and why. */
  public Marker withRunner(String runnerName, String why, Instant now) {
    return new Marker(
        id,
        start,
        stop,
        state,
        attempt,
        owner,
        queuedAt,
        startedAt,
        now,
        finishedAt,
        progress,
        runnerName,
        why,
        reason);
  }

  /** This marker, unchanged but for its update time (a sign of life). */
  public Marker touched(Instant now) {
    return withProgress(progress, now);
  }

  /** This attempt, finished. */
  public Marker done(Progress finalProgress, String runnerName, Instant now) {
    return new Marker(
        id,
        start,
        stop,
        MarkerState.DONE,
        attempt,
        owner,
        queuedAt,
        startedAt,
        now,
        now,
        finalProgress,
        runnerName,
        runnerReason,
        null);
  }

  /** This attempt, failed for {@code why}. */
  public Marker failed(String why, Instant now) {
    return new Marker(
        id,
        start,
        stop,
        MarkerState.FAILED,
        attempt,
        owner,
        queuedAt,
        startedAt,
        now,
        now,
        progress,
        runner,
        runnerReason,
        why);
  }

  /**
   * Whether the digest is being worked on at {@code now}: queued or running, and updated less than
   * {@code timeout} ago.
   */
  public boolean activeAt(Instant now, Duration timeout) {
    return state.inProgress() && updatedAt.plus(timeout).isAfter(now);
  }
}
