package io.vpcflow.digesterd.stream;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the stream's status document is written after a change: at once when a window closed or
 * nothing was written yet, otherwise at most once every {@code every} (a change within that time is
 * written when it has passed).
 *
 * @param every the shortest time between two writes but those of a window's close
 */
public record StatusThrottle(Duration every) implements Serializable {
  /** Validates the interval. */
  public StatusThrottle {
    if (every.isNegative()) {
      throw new IllegalArgumentException("the status interval must not be negative: " + every);
    }
  }

  /**
   * When to write the document changed at {@code now}: {@code now} itself (write at once), or a
   * later time (write then, taking in every change until then).
   *
   * @param windowClosed whether the change is a window's close
   * @param lastWrite when the document was last written, if ever
   */
  public Instant writeAt(boolean windowClosed, Optional<Instant> lastWrite, Instant now) {
    if (windowClosed || lastWrite.isEmpty()) {
      return now;
    }
    Instant due = lastWrite.get().plus(every);
    return due.isAfter(now) ? due : now;
  }
}
