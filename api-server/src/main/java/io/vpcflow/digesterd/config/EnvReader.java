package io.vpcflow.digesterd.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads typed values from an environment, collecting a problem for each bad value instead of
 * failing on the first, so that all of them can be reported together.
 */
final class EnvReader {
  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();
  private final java.util.Set<String> asked = new java.util.HashSet<>();

  EnvReader(Map<String, String> env) {
    this.env = env;
  }

  /** The trimmed value, empty when unset or blank. */
  Optional<String> optional(String name) {
    asked.add(name);
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /**
   * The variable of two spellings that is set ({@code first} when both are): the upstream service's
   * name and this project's. Both set to different values is a problem naming both.
   */
  String either(String first, String second) {
    Optional<String> a = optional(first);
    Optional<String> b = optional(second);
    if (a.isPresent() && b.isPresent() && !a.get().equals(b.get())) {
      problem(
          first
              + " and "
              + second
              + " name the same setting but differ ('"
              + a.get()
              + "' and '"
              + b.get()
              + "'): set one of them");
    }
    return a.isPresent() || b.isEmpty() ? first : second;
  }

  String string(String name, String defaultValue) {
    return optional(name).orElse(defaultValue);
  }

  int integer(String name, int defaultValue, int min) {
    return (int) bounded(name, defaultValue, min, Integer.MAX_VALUE);
  }

  int integer(String name, int defaultValue, int min, int max) {
    return (int) bounded(name, defaultValue, min, max);
  }

  long longValue(String name, long defaultValue, long min) {
    return bounded(name, defaultValue, min, Long.MAX_VALUE);
  }

  private long bounded(String name, long defaultValue, long min, long max) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      long parsed = Long.parseLong(value.get());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        name + " must be an integer from " + min + " to " + max + ", got '" + value.get() + "'");
    return defaultValue;
  }

  boolean bool(String name, boolean defaultValue) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    switch (value.get().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> {
        return true;
      }
      case "false", "0", "no" -> {
        return false;
      }
      default -> {
        problems.add(name + " must be true or false, got '" + value.get() + "'");
        return defaultValue;
      }
    }
  }

  /** An ISO-8601 duration such as {@code PT20M}. */
  Duration duration(String name, Duration defaultValue) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      Duration parsed = Duration.parse(value.get());
      if (!parsed.isNegative()) {
        return parsed;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    problems.add(
        name + " must be a non-negative ISO-8601 duration like PT20M, got '" + value.get() + "'");
    return defaultValue;
  }

  Optional<URI> uri(String name) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value.get());
      if (uri.getScheme() != null && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    problems.add(
        name + " must be an absolute URL like http://127.0.0.1:9000, got '" + value.get() + "'");
    return Optional.empty();
  }

  <E extends Enum<E>> E enumValue(String name, Class<E> type, E defaultValue) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      return Enum.valueOf(type, value.get().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> allowed = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        allowed.add(constant.name().toLowerCase(Locale.ROOT));
      }
      problems.add(name + " must be one of " + allowed + ", got '" + value.get() + "'");
      return defaultValue;
    }
  }

  /** Warnings for the variables that look like this service's but were never asked for. */
  List<String> unknownVariables() {
    return UnknownVariables.warnings(env, asked);
  }

  void problem(String problem) {
    problems.add(problem);
  }

  /** Throws a {@link ConfigException} listing every problem, if there is any. */
  void throwIfProblems() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
