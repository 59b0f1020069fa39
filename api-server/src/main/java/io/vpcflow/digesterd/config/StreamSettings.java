package io.vpcflow.digesterd.config;

import io.vpcflow.digesterd.stream.StreamWindows;
import java.time.Duration;

/**
 * Streaming mode ({@code stream}, or {@code serve} with {@code DIGEST_STREAMING=true}).
 *
 * @param enabled whether {@code serve} runs the stream next to the API ({@code DIGEST_STREAMING})
 * @param poll how often the flow-log store is listed ({@code DIGEST_STREAM_POLL})
 * @param windows the windows and their allowed lateness ({@code DIGEST_STREAM_WINDOW}, {@code
 *     DIGEST_STREAM_LATENESS})
 */
public record StreamSettings(boolean enabled, Duration poll, StreamWindows windows) {
  private static final StreamWindows DEFAULT_WINDOWS =
      new StreamWindows(Duration.ofHours(1), Duration.ofMinutes(15));

  static StreamSettings read(EnvReader in) {
    boolean enabled = in.bool("DIGEST_STREAMING", false);
    Duration poll = in.duration("DIGEST_STREAM_POLL", Duration.ofMinutes(1));
    if (poll.isZero()) {
      in.problem("DIGEST_STREAM_POLL must be longer than zero");
    }
    Duration window = in.duration("DIGEST_STREAM_WINDOW", DEFAULT_WINDOWS.window());
    Duration lateness = in.duration("DIGEST_STREAM_LATENESS", DEFAULT_WINDOWS.lateness());
    StreamWindows windows = DEFAULT_WINDOWS;
    try {
      windows = new StreamWindows(window, lateness);
    } catch (IllegalArgumentException e) {
      in.problem("DIGEST_STREAM_WINDOW: " + e.getMessage());
    }
    return new StreamSettings(enabled, poll, windows);
  }
}
