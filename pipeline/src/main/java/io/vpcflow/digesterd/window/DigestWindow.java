package io.vpcflow.digesterd.window;

import io.vpcflow.digesterd.digest.DigestId;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A half-open digest window {@code [start, stop)} in UTC, both bounds truncated to the minute,
 * {@code start < stop}. A record belongs to the window when its {@code start} field lies in it.
 * Parsed bounds lie in the years 1970 to 9999: flow-log times are Unix seconds, and RFC 3339 has
 * four-digit years.
 *
 * @param start the inclusive lower bound
 * @param stop the exclusive upper bound
 */
public record DigestWindow(Instant start, Instant stop) {
  /** The earliest bound {@link #parse} accepts. */
  public static final Instant EARLIEST = Instant.EPOCH;

  /** The latest bound {@link #parse} accepts. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:00Z");

  /** Validates the canonical form; use {@link #parse} for user input. */
  public DigestWindow {
    if (!start.equals(start.truncatedTo(ChronoUnit.MINUTES))
        || !stop.equals(stop.truncatedTo(ChronoUnit.MINUTES))) {
      throw new IllegalArgumentException("window bounds must be whole minutes");
    }
    if (!start.isBefore(stop)) {
      throw new InvalidWindowException(
          "start", "start (" + start + ") must be before stop (" + stop + ") after truncation");
    }
  }

  /**
   * Parses RFC 3339 bounds (fractional seconds and any offset allowed), normalises them to UTC and
   * truncates them to the minute.
   *
   * @throws InvalidWindowException naming the bad parameter, when a bound is missing, not RFC 3339
   *     or outside {@link #EARLIEST}..{@link #LATEST}, or when {@code start >= stop} after
   *     truncation
   */
  public static DigestWindow parse(String start, String stop) {
    Instant from = parseBound("start", start);
    Instant to = parseBound("stop", stop);
    if (!from.isBefore(to)) {
      throw new InvalidWindowException(
          "start",
          "start (" + from + ") must be before stop (" + to + ") after truncation to the minute");
    }
    return new DigestWindow(from, to);
  }

  /**
   * Like {@link #parse}, and also refuses windows longer than {@code maxLength}.
   *
   * @throws InvalidWindowException when the window is invalid or too long
   */
  public static DigestWindow parse(String start, String stop, Duration maxLength) {
    DigestWindow window = parse(start, stop);
    if (window.length().compareTo(maxLength) > 0) {
      throw new InvalidWindowException(
          "stop", "window of " + window.length() + " is longer than the maximum of " + maxLength);
    }
    return window;
  }

  private static Instant parseBound(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidWindowException(name, "missing required parameter '" + name + "'");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidWindowException(
          name, "parameter '" + name + "' holds a control character: give an RFC 3339 time only");
    }
    Instant bound;
    try {
      bound =
          OffsetDateTime.parse(value.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
              .toInstant()
              .truncatedTo(ChronoUnit.MINUTES);
    } catch (DateTimeParseException e) {
      throw new InvalidWindowException(
          name,
          "parameter '"
              + name
              + "' is not an RFC 3339 time (like 2019-01-01T00:00:00Z): '"
              + abbreviate(value)
              + "'");
    }
    if (bound.isBefore(EARLIEST) || bound.isAfter(LATEST)) {
      throw new InvalidWindowException(
          name, "parameter '" + name + "' (" + bound + ") is outside the years 1970 to 9999");
    }
    return bound;
  }

  private static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "...";
  }

  /** The window's length. */
  public Duration length() {
    return Duration.between(start, stop);
  }

  /** The upstream-compatible digest id of this window. */
  public UUID digestId() {
    return DigestId.of(start, stop);
  }

  /** The inclusive start in epoch seconds. */
  public long startEpochSecond() {
    return start.getEpochSecond();
  }

  /** The exclusive stop in epoch seconds. */
  public long stopEpochSecond() {
    return stop.getEpochSecond();
  }

  @Override
  public String toString() {
    return "[" + start + ", " + stop + ")";
  }
}
