package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The entry point of {@code vpcflow-digesterd.jar}. */
@Command(
    name = "vpcflow-digesterd",
    mixinStandardHelpOptions = true,
    version = "vpcflow-digesterd 0.1.0",
    description = "Turns AWS VPC Flow Logs in S3 into compact, exact digests (Apache Beam).",
    subcommands = {DigestCommand.class, SampleDataCommand.class, DemoCommand.class})
public final class DigesterdCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, with configuration errors printed without a stack trace. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new DigesterdCommand());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
            commandLine.getErr().println("error: " + e.getMessage());
            return 2;
          }
          commandLine.getErr().println("error: " + rootMessage(e));
          throw e;
        });
    return cli;
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
