package io.vpcflow.digesterd.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which signals stop the server, as upstream's runhttp signals component reads them ({@code
 * RUNTIME_SIGNALS_*}): the handlers installed ({@code RUNTIME_SIGNALS_INSTALLED}, a list whose only
 * choice is {@code OS}, the default) and the OS signals they listen for ({@code
 * RUNTIME_SIGNALS_OS_SIGNALS}, Linux signal numbers separated by spaces or commas, default {@code
 * 15 2}: SIGTERM and SIGINT).
 *
 * @param osSignals the signal numbers, each once, in the order given
 */
public record SignalSettings(List<Integer> osSignals) {
  /** The signals that may stop the server, by Linux number; the JVM reserves the others. */
  private static final Map<Integer, String> NAMES =
      new TreeMap<>(Map.of(1, "HUP", 2, "INT", 10, "USR1", 14, "ALRM", 15, "TERM"));

  public SignalSettings {
    osSignals = List.copyOf(osSignals);
  }

  /** The JVM names of the signals (e.g. {@code TERM}), in order. */
  public List<String> names() {
    return osSignals.stream().map(NAMES::get).toList();
  }

  static SignalSettings read(EnvReader in) {
    List<String> handlers = tokens(in.string("RUNTIME_SIGNALS_INSTALLED", "OS"));
    if (handlers.isEmpty()) {
      in.problem("RUNTIME_SIGNALS_INSTALLED must list signal handlers of [OS]");
    }
    for (String installed : handlers) {
      if (!installed.toUpperCase(Locale.ROOT).equals("OS")) {
        in.problem(
            "RUNTIME_SIGNALS_INSTALLED must list signal handlers of [OS], got '" + installed + "'");
      }
    }
    List<String> numbers = tokens(in.string("RUNTIME_SIGNALS_OS_SIGNALS", "15 2"));
    if (numbers.isEmpty()) {
      in.problem("RUNTIME_SIGNALS_OS_SIGNALS must list at least one signal number");
    }
    Set<Integer> signals = new LinkedHashSet<>();
    for (String token : numbers) {
      Integer number = null;
      try {
        number = Integer.valueOf(token);
      } catch (NumberFormatException e) {
        // reported below
      }
      if (number != null && NAMES.containsKey(number)) {
        signals.add(number);
      } else {
        List<String> allowed = new ArrayList<>();
        NAMES.forEach((n, name) -> allowed.add(n + " (SIG" + name + ")"));
        in.problem(
            "RUNTIME_SIGNALS_OS_SIGNALS must list signal numbers of "
                + allowed
                + ", got '"
                + token
                + "'");
      }
    }
    return new SignalSettings(List.copyOf(signals));
  }

  private static List<String> tokens(String list) {
    return Arrays.stream(list.trim().split("[\\s,]+")).filter(t -> !t.isEmpty()).toList();
  }
}
