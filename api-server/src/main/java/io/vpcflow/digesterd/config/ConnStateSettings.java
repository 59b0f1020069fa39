package io.vpcflow.digesterd.config;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The HTTP connection-state meters, named as upstream's runhttp connstate component names them
 * ({@code RUNTIME_CONNSTATE_*}). Counters count connections entering a state; gauges hold the
 * connections currently in it and are reported every {@code reportInterval}.
 *
 * @param reportInterval how often gauges are reported ({@code RUNTIME_CONNSTATE_REPORTINTERVAL},
 *     ISO-8601, default {@code PT5S})
 * @param newCounter connections accepted ({@code RUNTIME_CONNSTATE_NEWCOUNTER}, default {@code
 *     http.server.connstate.new})
 * @param newGauge connections accepted that have not begun a request ({@code
 *     RUNTIME_CONNSTATE_NEWGAUGE}, default {@code http.server.connstate.new.gauge})
 * @param activeCounter requests begun ({@code RUNTIME_CONNSTATE_ACTIVECOUNTER}, default {@code
 *     http.server.connstate.active})
 * @param activeGauge connections handling a request ({@code RUNTIME_CONNSTATE_ACTIVEGAUGE}, default
 *     {@code http.server.connstate.active.gauge})
 * @param idleCounter requests finished on a connection kept open ({@code
 *     RUNTIME_CONNSTATE_IDLECOUNTER}, default {@code http.server.connstate.idle})
 * @param idleGauge open connections between requests ({@code RUNTIME_CONNSTATE_IDLEGAUGE}, default
 *     {@code http.server.connstate.idle.gauge})
 * @param closedCounter connections closed ({@code RUNTIME_CONNSTATE_CLOSEDCOUNTER}, default {@code
 *     http.server.connstate.closed})
 * @param hijackedCounter connections taken over by another protocol ({@code
 *     RUNTIME_CONNSTATE_HIJACKEDCOUNTER}, default {@code http.server.connstate.hijacked})
 */
public record ConnStateSettings(
    Duration reportInterval,
    String newCounter,
    String newGauge,
    String activeCounter,
    String activeGauge,
    String idleCounter,
    String idleGauge,
    String closedCounter,
    String hijackedCounter) {

  private static final Pattern METRIC_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
  private static final String PREFIX = "http.server.connstate.";

  static ConnStateSettings read(EnvReader in) {
    Duration interval = in.duration("RUNTIME_CONNSTATE_REPORTINTERVAL", Duration.ofSeconds(5));
    if (interval.isZero()) {
      in.problem("RUNTIME_CONNSTATE_REPORTINTERVAL must be more than zero");
      interval = Duration.ofSeconds(5);
    }
    return new ConnStateSettings(
        interval,
        name(in, "NEWCOUNTER", "new"),
        name(in, "NEWGAUGE", "new.gauge"),
        name(in, "ACTIVECOUNTER", "active"),
        name(in, "ACTIVEGAUGE", "active.gauge"),
        name(in, "IDLECOUNTER", "idle"),
        name(in, "IDLEGAUGE", "idle.gauge"),
        name(in, "CLOSEDCOUNTER", "closed"),
        name(in, "HIJACKEDCOUNTER", "hijacked"));
  }

  private static String name(EnvReader in, String suffix, String defaultSuffix) {
    String variable = "RUNTIME_CONNSTATE_" + suffix;
    String name = in.string(variable, PREFIX + defaultSuffix);
    if (!METRIC_NAME.matcher(name).matches()) {
      in.problem(
          variable
              + " must be a metric name (a letter, then letters, digits, . _ -), got '"
              + name
              + "'");
      return PREFIX + defaultSuffix;
    }
    return name;
  }
}
