package io.vpcflow.digesterd.stats;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.statsd.StatsdConfig;
import io.micrometer.statsd.StatsdFlavor;
import io.micrometer.statsd.StatsdMeterRegistry;
import io.vpcflow.digesterd.config.StatsSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry of {@link StatsSettings}, open until closed. The meters the service records:
 *
 * <ul>
 *   <li>{@code digest.duration} (timer), {@code digest.objects}, {@code digest.bytes}, {@code
 *       digest.records}, {@code digest.keys}, {@code digest.malformed_lines} (counters), each
 *       tagged {@code outcome} ({@code done} or {@code failed}; only the timer on failure), see
 *       {@link DigestMetrics}
 *   <li>{@code http.requests} (timer), tagged {@code method}, {@code route} and {@code status}
 *   <li>the HTTP connection-state counters and gauges of {@code RUNTIME_CONNSTATE_*}, see {@link
 *       ConnStateMeters}
 * </ul>
 *
 * <p>With {@code DATADOG}, lines in the Datadog flavour of StatsD go over UDP through {@link
 * UdpStatsdSink}: every line recorded is sent, at the latest at the next flush interval or on
 * {@link #close()}.
 */
public final class Stats implements AutoCloseable {
  private final MeterRegistry registry;
  private final UdpStatsdSink sink;

  private Stats(MeterRegistry registry, UdpStatsdSink sink) {
    this.registry = registry;
    this.sink = sink;
  }

  /** A registry recording nothing (NULLSTAT). */
  public static MeterRegistry none() {
    return new CompositeMeterRegistry();
  }

  /**
   * Opens the registry {@code settings} ask for.
   *
   * @param gaugeInterval how often gauges are reported
   * @throws java.io.UncheckedIOException when stats go to StatsD and no UDP socket can be opened
   */
  public static Stats open(StatsSettings settings, Duration gaugeInterval) {
    if (settings.output() == StatsSettings.Output.NULLSTAT) {
      return new Stats(none(), null);
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
          public Duration pollingFrequency() {
            return gaugeInterval;
          }
        };
    UdpStatsdSink sink =
        new UdpStatsdSink(
            settings.host(), settings.port(), settings.packetSize(), settings.flushInterval());
    StatsdMeterRegistry registry =
        StatsdMeterRegistry.builder(config).clock(Clock.SYSTEM).lineSink(sink).build();
    List<Tag> tags = new ArrayList<>();
    for (String tag : settings.tags()) {
      int colon = tag.indexOf(':');
      tags.add(Tag.of(tag.substring(0, colon), tag.substring(colon + 1)));
    }
    registry.config().commonTags(tags);
    return new Stats(registry, sink);
  }

  /** Where meters are recorded. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Reports the gauges a last time, sends every line not sent yet, and releases the socket. */
  @Override
  public void close() {
    registry.close();
    if (sink != null) {
      sink.close();
    }
  }
}
