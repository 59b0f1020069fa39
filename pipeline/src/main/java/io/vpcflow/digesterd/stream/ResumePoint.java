package io.vpcflow.digesterd.stream;

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a restarted stream picks up: the start of the first window that is not closed yet. Every
 * window before it is closed (its digest written, or it had no records at all), so a stream
 * starting from it neither loses a window nor writes one twice, and does not list the objects that
 * can only hold records of earlier windows. Stored as the text {@code {"resumeFrom":"<RFC 3339
 * instant>"}}.
 *
 * @param window the start of the first window not closed yet
 */
public record ResumePoint(Instant window) implements Serializable {
  private static final Pattern TEXT =
      Pattern.compile("\\s*\\{\\s*\"resumeFrom\"\\s*:\\s*\"([^\"]+)\"\\s*}\\s*");

  /**
   * Parses {@link #text()}.
   *
   * @throws IllegalArgumentException when {@code text} is not a resume point
   */
  public static ResumePoint parse(String text) {
    Matcher matcher = TEXT.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a stream resume point: " + text);
    }
    try {
      return new ResumePoint(Instant.parse(matcher.group(1)));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a stream resume point: " + text, e);
    }
  }

  /** The stored form. */
  public String text() {
    return "{\"resumeFrom\":\"" + window + "\"}\n";
  }

  /**
   * This point advanced past the windows of {@code closed} (starts, epoch seconds) that close at or
   * before {@code reached}: the window after the latest of them, or this point when that is not
   * later (a resume point never goes back). The caller guarantees that every window closing at or
   * before {@code reached} that had records is in {@code closed}.
   */
  public ResumePoint advance(Collection<Long> closed, Instant reached, StreamWindows windows) {
    long next = window.getEpochSecond();
    for (long start : closed) {
      if (!windows.closesAt(start).isAfter(reached)) {
        next = Math.max(next, start + windows.window().getSeconds());
      }
    }
    return new ResumePoint(Instant.ofEpochSecond(next));
  }

  /**
   * The start of the first window a stream digests: the window holding the {@code saved} resume
   * point when there is one (a restart); otherwise the window holding {@code from}; otherwise the
   * first window still open at the event time {@code watermark}.
   */
  public static Instant firstWindow(
      Optional<ResumePoint> saved,
      Optional<Instant> from,
      Instant watermark,
      StreamWindows windows) {
    if (saved.isPresent()) {
      return Instant.ofEpochSecond(windows.startOf(saved.get().window().getEpochSecond()));
    }
    if (from.isPresent()) {
      return Instant.ofEpochSecond(windows.startOf(from.get().getEpochSecond()));
    }
    return Instant.ofEpochSecond(windows.firstOpen(watermark));
  }
}
