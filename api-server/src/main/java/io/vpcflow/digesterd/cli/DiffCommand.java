package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.view.DigestDiff;
import io.vpcflow.digesterd.view.DigestSource;
import io.vpcflow.digesterd.view.GraphFormat;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code diff}: the edges added and removed between two digests, like {@code GET /diff}. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the edges only one of two digests has (same edge: account, interface, addresses, "
          + "ports, protocol and action), DOT with diff=ADDED|REMOVED or JSON, by one streaming "
          + "merge. Each digest is a local file or a window's stored digest.",
      "The counts (added, removed, unchanged) go to standard error."
    })
final class DiffCommand implements Callable<Integer> {
  @ParentCommand DigesterdCommand parent;

  @Option(names = "--previous-file", description = "The earlier digest, a local file.")
  Path previousFile;

  @Option(names = "--previous-start", description = "The earlier window's start, RFC 3339.")
  String previousStart;

  @Option(names = "--previous-stop", description = "The earlier window's stop, RFC 3339.")
  String previousStop;

  @Option(names = "--next-file", description = "The later digest, a local file.")
  Path nextFile;

  @Option(names = "--next-start", description = "The later window's start, RFC 3339.")
  String nextStart;

  @Option(names = "--next-stop", description = "The later window's stop, RFC 3339.")
  String nextStop;

  @Option(
      names = "--format",
      defaultValue = "dot",
      description = "dot or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", description = "Write here instead of standard output.")
  Path out;

  @Override
  public Integer call() throws Exception {
    GraphFormat graphFormat = ViewOptions.parse(() -> GraphFormat.parse("format", format));
    try (DigestInputs inputs = new DigestInputs(parent.environment(), System.err)) {
      DigestSource previous =
          inputs.source(
              previousFile,
              previousStart,
              previousStop,
              "--previous-file",
              "--previous-start",
              "--previous-stop");
      DigestSource next =
          inputs.source(
              nextFile, nextStart, nextStop, "--next-file", "--next-start", "--next-stop");
      DigestDiff.Counts counts;
      try (OutputStream target = Output.to(out)) {
        counts = DigestDiff.write(previous, next, target, graphFormat);
      }
      System.err.printf(
          "%d added, %d removed, %d unchanged%n",
          counts.added(), counts.removed(), counts.unchanged());
    }
    return 0;
  }
}
