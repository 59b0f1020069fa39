package io.vpcflow.digesterd.config;

import java.util.Map;

/**
 * Where and how much the service logs. Log lines are JSON objects, one per line.
 *
 * @param level the least severe level logged by the service's own code ({@code
 *     RUNTIME_LOGGER_LEVEL}, default {@code INFO}); libraries log at {@code WARN} and above
 *     whatever this is, so that no HTTP client ever logs request headers (and credentials)
 * @param output where log lines go ({@code RUNTIME_LOGGER_OUTPUT}: {@code STDOUT}, {@code STDERR}
 *     or {@code NULL} for none; default {@code STDERR}, keeping stdout for the commands' results)
 */
public record LoggingSettings(Level level, Output output) {

  /** The levels, least severe first. */
  public enum Level {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  /** Where log lines go. */
  public enum Output {
    STDOUT,
    STDERR,
    /** Nowhere. */
    NULL
  }

  /** INFO on stderr. */
  public static LoggingSettings defaults() {
    return new LoggingSettings(Level.INFO, Output.STDERR);
  }

  /**
   * Reads and validates only the {@code RUNTIME_LOGGER_*} variables, for commands that ignore the
   * rest of the environment (demo).
   *
   * @throws ConfigException listing every invalid variable
   */
  public static LoggingSettings fromEnvironment(Map<String, String> env) {
    EnvReader in = new EnvReader(env);
    LoggingSettings settings = read(in);
    in.throwIfProblems();
    return settings;
  }

  static LoggingSettings read(EnvReader in) {
    return new LoggingSettings(
        in.enumValue("RUNTIME_LOGGER_LEVEL", Level.class, Level.INFO),
        in.enumValue("RUNTIME_LOGGER_OUTPUT", Output.class, Output.STDERR));
  }
}
