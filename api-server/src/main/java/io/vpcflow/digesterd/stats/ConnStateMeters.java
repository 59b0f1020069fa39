package io.vpcflow.digesterd.stats;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpcflow.digesterd.config.ConnStateSettings;
import io.vpcflow.digesterd.connstate.ConnectionState;
import io.vpcflow.digesterd.connstate.ConnectionStates;

/**
 * The HTTP connection-state meters of upstream's runhttp, under the names of {@code
 * RUNTIME_CONNSTATE_*}: counters of connections entering the new, active, idle, closed and hijacked
 * states, and gauges of the connections now new, active and idle. Both are read from {@link
 * ConnectionStates} whenever the registry reports (for {@link Stats}: every {@code
 * RUNTIME_CONNSTATE_REPORTINTERVAL}); a counter reports what it counted since its last report.
 */
public final class ConnStateMeters {
  private ConnStateMeters() {}

  /** Registers the meters of {@code states} in {@code registry}, named by {@code names}. */
  public static void bind(
      ConnectionStates states, ConnStateSettings names, MeterRegistry registry) {
    counter(registry, names.newCounter(), states, ConnectionState.NEW);
    counter(registry, names.activeCounter(), states, ConnectionState.ACTIVE);
    counter(registry, names.idleCounter(), states, ConnectionState.IDLE);
    counter(registry, names.closedCounter(), states, ConnectionState.CLOSED);
    counter(registry, names.hijackedCounter(), states, ConnectionState.HIJACKED);
    gauge(registry, names.newGauge(), states, ConnectionState.NEW);
    gauge(registry, names.activeGauge(), states, ConnectionState.ACTIVE);
    gauge(registry, names.idleGauge(), states, ConnectionState.IDLE);
  }

  private static void counter(
      MeterRegistry registry, String name, ConnectionStates states, ConnectionState state) {
    FunctionCounter.builder(name, states, s -> s.entered(state)).register(registry);
  }

  private static void gauge(
      MeterRegistry registry, String name, ConnectionStates states, ConnectionState state) {
    Gauge.builder(name, states, s -> s.current(state)).register(registry);
  }
}
