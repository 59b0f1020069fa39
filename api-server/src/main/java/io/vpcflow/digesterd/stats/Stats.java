package io.vpcflow.digesterd.stats;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.statsd.StatsdConfig;
import io.micrometer.statsd.StatsdFlavor;
import io.micrometer.statsd.StatsdMeterRegistry;
import io.micrometer.statsd.StatsdProtocol;
import io.vpcflow.digesterd.config.StatsSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the registry of {@link StatsSettings}. The meters the service records:
 *
 * <ul>
 *   <li>{@code digest.duration} (timer), {@code digest.objects}, {@code digest.bytes}, {@code
 *       digest.records}, {@code digest.keys}, {@code digest.malformed_lines} (counters), each
 *       tagged {@code outcome} ({@code done} or {@code failed}; only the timer on failure)
 *   <li>{@code http.requests} (timer), tagged {@code method}, {@code route} and {@code status}
 * </ul>
 */
public final class Stats {
  private Stats() {}

  /** A registry recording nothing (NULLSTAT). */
  public static MeterRegistry none() {
    return new CompositeMeterRegistry();
  }

  /** The registry {@code settings} ask for; close it to flush and release its socket. */
  public static MeterRegistry create(StatsSettings settings) {
    if (settings.output() == StatsSettings.Output.NULLSTAT) {
      return none();
    }
    StatsdConfig config =
        new StatsdConfig() {
          @Override
          public String get(String key) {
            return null;
          }

          @Override
          public StatsdFlavor flavor() {
            return StatsdFlavor.DATADOG;
          }

          @Override
          public String host() {
            return settings.host();
          }

          @Override
          public int port() {
            return settings.port();
          }

          @Override
          public StatsdProtocol protocol() {
            return StatsdProtocol.UDP;
          }

          @Override
          public int maxPacketLength() {
            return settings.packetSize();
          }

          @Override
          public Duration pollingFrequency() {
            return settings.flushInterval();
          }
        };
    StatsdMeterRegistry registry = new StatsdMeterRegistry(config, Clock.SYSTEM);
    List<Tag> tags = new ArrayList<>();
    for (String tag : settings.tags()) {
      int colon = tag.indexOf(':');
      tags.add(Tag.of(tag.substring(0, colon), tag.substring(colon + 1)));
    }
    registry.config().commonTags(tags);
    return registry;
  }
}
