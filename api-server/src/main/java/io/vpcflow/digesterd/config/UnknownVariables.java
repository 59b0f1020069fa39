package io.vpcflow.digesterd.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds variables that look like this service's (by prefix) but that it does not read: most likely
 * typos, which would otherwise fall back to defaults without a word. Each is named with the closest
 * known name.
 */
final class UnknownVariables {
  /** The prefixes of this service's variables. */
  static final List<String> PREFIXES =
      List.of("VPC_", "DIGEST_", "DIGESTERD_", "RUNTIME_", "STREAM_APPLIANCE_");

  private UnknownVariables() {}

  /** One warning per variable of {@code env} with one of {@link #PREFIXES} not in {@code known}. */
  static List<String> warnings(Map<String, String> env, Collection<String> known) {
    Set<String> unknown = new TreeSet<>();
    for (String name : env.keySet()) {
      if (PREFIXES.stream().anyMatch(name::startsWith) && !known.contains(name)) {
        unknown.add(name);
      }
    }
    List<String> warnings = new ArrayList<>();
    for (String name : unknown) {
      String closest = closest(name, known);
      warnings.add(
          "unknown variable "
              + name
              + " is ignored"
              + (closest == null ? "" : "; did you mean " + closest + "?"));
    }
    return warnings;
  }

  private static String closest(String name, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : new TreeSet<>(known)) {
      int d = distance(name, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /** The Levenshtein distance of two names. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
