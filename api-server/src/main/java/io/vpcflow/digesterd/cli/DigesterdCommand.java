package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.config.ConfigException;
import io.vpcflow.digesterd.config.LoggingSettings;
import io.vpcflow.digesterd.logging.LogStreams;
import io.vpcflow.digesterd.logging.Logging;
import io.vpcflow.digesterd.s3.BucketPurpose;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The entry point of {@code vpcflow-digesterd.jar}. */
@Command(
    name = "vpcflow-digesterd",
    mixinStandardHelpOptions = true,
    version = "vpcflow-digesterd 0.1.0",
    description = "Turns AWS VPC Flow Logs in S3 into compact, exact digests (Apache Beam).",
    subcommands = {
      ServeCommand.class,
      StreamCommand.class,
      DigestCommand.class,
      QueryCommand.class,
      GraphCommand.class,
      DiffCommand.class,
      SampleDataCommand.class,
      DemoCommand.class
    })
public final class DigesterdCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description =
          "On an error, print its stack trace after the error line (also with RUNTIME_LOGGER_LEVEL=DEBUG).")
  boolean verbose;

  private final Map<String, String> environment;
  private final LogStreams logStreams;

  DigesterdCommand(Map<String, String> environment, LogStreams logStreams) {
    this.environment = environment;
    this.logStreams = logStreams;
  }

  public static void main(String[] args) {
    if (BatchJitDirectives.isDirectDigest(args)) {
      BatchJitDirectives.start();
    }
    System.exit(commandLine(System.getenv()).execute(args));
  }

  /** The environment the commands read their configuration from. */
  Map<String, String> environment() {
    return environment;
  }

  /**
   * Applies the validated logging settings: every command calls this once its configuration is
   * read.
   */
  void startLogging(LoggingSettings settings) {
    Logging.apply(settings, logStreams);
  }

  /**
   * Like {@link #startLogging}, with every log line appended to {@code file} instead (kept open
   * while the process lives), so that a command's own lines stay alone on the terminal.
   */
  void startLoggingTo(LoggingSettings settings, java.nio.file.Path file)
      throws java.io.IOException {
    java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
    java.io.OutputStream log =
        java.nio.file.Files.newOutputStream(
            file, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    Logging.apply(settings, LogStreams.both(log));
  }

  /**
   * The command line reading configuration from {@code environment}. Every error is printed as one
   * line {@code error: <message> (cause: <root cause>)}: configuration and input errors exit with
   * 2, other failures (S3 unreachable, access denied, a failed run) with 1. The stack trace follows
   * only with {@code --verbose} or {@code RUNTIME_LOGGER_LEVEL=DEBUG} (or {@code TRACE}). Logs go
   * to the process's stdout or stderr.
   */
  public static CommandLine commandLine(Map<String, String> environment) {
    return commandLine(environment, LogStreams.system());
  }

  /** Like {@link #commandLine(Map)}, with log lines written to {@code logStreams}. */
  static CommandLine commandLine(Map<String, String> environment, LogStreams logStreams) {
    CommandLine cli = new CommandLine(new DigesterdCommand(environment, logStreams));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
            commandLine.getErr().println("error: " + BucketPurpose.display(e.getMessage()));
            return 2;
          }
          commandLine.getErr().println("error: " + BucketPurpose.display(rootMessage(e)));
          if (wantsStackTraces(parseResult, environment)) {
            e.printStackTrace(commandLine.getErr());
          }
          return 1;
        });
    return cli;
  }

  private static boolean wantsStackTraces(
      CommandLine.ParseResult parsed, Map<String, String> environment) {
    String level = environment.getOrDefault("RUNTIME_LOGGER_LEVEL", "");
    if (level.equalsIgnoreCase("DEBUG") || level.equalsIgnoreCase("TRACE")) {
      return true;
    }
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + root + ")";
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
