package io.vpcflow.digesterd.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the service sends its stats.
 *
 * @param output {@code NULLSTAT} (none, the default) or {@code DATADOG} (StatsD lines in the
 *     Datadog flavour over UDP) ({@code RUNTIME_STATS_OUTPUT})
 * @param host the StatsD agent's host ({@code RUNTIME_STATS_DATADOG_ADDRESS}, {@code host:port},
 *     default {@code 127.0.0.1:8125})
 * @param port the StatsD agent's UDP port
 * @param tags tags added to every metric, {@code key:value} ({@code RUNTIME_STATS_DATADOG_TAGS},
 *     comma-separated)
 * @param flushInterval buffered lines are sent at least this often ({@code
 *     RUNTIME_STATS_DATADOG_FLUSHINTERVAL}, ISO-8601, default {@code PT10S})
 * @param packetSize the largest UDP payload sent, bytes ({@code RUNTIME_STATS_DATADOG_PACKETSIZE},
 *     default 1432)
 */
public record StatsSettings(
    Output output,
    String host,
    int port,
    List<String> tags,
    Duration flushInterval,
    int packetSize) {

  private static final Pattern TAG = Pattern.compile("[^:,\\s]+:[^,\\s]*");

  /** Where stats go. */
  public enum Output {
    /** No stats. */
    NULLSTAT,
    /** StatsD, Datadog flavour. */
    DATADOG
  }

  public StatsSettings {
    tags = List.copyOf(tags);
  }

  /** No stats. */
  public static StatsSettings none() {
    return new StatsSettings(
        Output.NULLSTAT, "127.0.0.1", 8125, List.of(), Duration.ofSeconds(10), 1432);
  }

  static StatsSettings read(EnvReader in) {
    Output output = in.enumValue("RUNTIME_STATS_OUTPUT", Output.class, Output.NULLSTAT);
    String address = in.string("RUNTIME_STATS_DATADOG_ADDRESS", "127.0.0.1:8125");
    String host = "127.0.0.1";
    int port = 8125;
    int colon = address.lastIndexOf(':');
    try {
      if (colon < 0) {
        throw new NumberFormatException();
      }
      port = Integer.parseInt(address.substring(colon + 1));
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      String named = address.substring(0, colon).replaceAll("^\\[|\\]$", "");
      host = named.isEmpty() ? "127.0.0.1" : named;
    } catch (NumberFormatException e) {
      in.problem(
          "RUNTIME_STATS_DATADOG_ADDRESS must be host:port with a port from 1 to 65535, got '"
              + address
              + "'");
    }
    List<String> tags = new ArrayList<>();
    for (String tag : in.string("RUNTIME_STATS_DATADOG_TAGS", "").split(",")) {
      String trimmed = tag.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (TAG.matcher(trimmed).matches()) {
        tags.add(trimmed);
      } else {
        in.problem(
            "RUNTIME_STATS_DATADOG_TAGS must be comma-separated key:value pairs, got '"
                + trimmed
                + "'");
      }
    }
    Duration flush = in.duration("RUNTIME_STATS_DATADOG_FLUSHINTERVAL", Duration.ofSeconds(10));
    if (flush.isZero()) {
      in.problem("RUNTIME_STATS_DATADOG_FLUSHINTERVAL must be more than zero");
      flush = Duration.ofSeconds(10);
    }
    int packetSize = in.integer("RUNTIME_STATS_DATADOG_PACKETSIZE", 1432, 64, 65507);
    return new StatsSettings(output, host, port, tags, flush, packetSize);
  }
}
