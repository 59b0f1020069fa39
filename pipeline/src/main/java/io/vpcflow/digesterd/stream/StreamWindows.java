package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.window.DigestWindow;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The fixed event-time windows of the stream and when each one closes. Windows are {@code window}
 * long and aligned to UTC midnight (the length divides a day), so their digests are the digests of
 * ordinary API windows. A window {@code [s, s + window)} closes once the watermark reaches {@code s
 * + window + lateness}; records of a closed window are late: counted, never digested.
 *
 * @param window the length of a window: whole minutes that divide a day
 * @param lateness how long after a window's end its records are still taken (not negative)
 */
public record StreamWindows(Duration window, Duration lateness) implements Serializable {
  private static final long DAY_SECONDS = Duration.ofDays(1).getSeconds();

  /** Validates the lengths. */
  public StreamWindows {
    long seconds = window.getSeconds();
    if (window.getNano() != 0 || seconds < 60 || seconds % 60 != 0 || DAY_SECONDS % seconds != 0) {
      throw new IllegalArgumentException(
          "the stream window must be whole minutes that divide a day (PT5M, PT1H, ...): " + window);
    }
    if (lateness.isNegative()) {
      throw new IllegalArgumentException("the allowed lateness must not be negative: " + lateness);
    }
  }

  /** The start (epoch seconds) of the window holding {@code epochSecond}. */
  public long startOf(long epochSecond) {
    long length = window.getSeconds();
    return Math.floorDiv(epochSecond, length) * length;
  }

  /** The window starting at {@code start} (epoch seconds). */
  public DigestWindow window(long start) {
    return new DigestWindow(
        Instant.ofEpochSecond(start), Instant.ofEpochSecond(start).plus(window));
  }

  /** When the window starting at {@code start} closes: its end plus the lateness. */
  public Instant closesAt(long start) {
    return Instant.ofEpochSecond(start).plus(window).plus(lateness);
  }

  /** Whether the window starting at {@code start} is closed at {@code watermark}. */
  public boolean isClosed(long start, Instant watermark) {
    return !watermark.isBefore(closesAt(start));
  }

  /** The start of the first window that is still open at {@code watermark}. */
  public long firstOpen(Instant watermark) {
    return startOf(watermark.minus(lateness).minus(window).getEpochSecond()) + window.getSeconds();
  }
}
