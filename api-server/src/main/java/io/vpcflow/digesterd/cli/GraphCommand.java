package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.view.DigestReader;
import io.vpcflow.digesterd.view.GraphFormat;
import io.vpcflow.digesterd.view.GraphWriter;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code graph}: the graph of a digest in DOT or JSON, like {@code GET /graph}. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the graph of a digest: one node per address, one edge per line (Graphviz DOT as "
          + "vpcflow-grapherd wrote it, or JSON). The digest is a local file (--file) or a window's "
          + "stored digest (--start/--stop, read from DIGEST_STORAGE_BUCKET, or the embedded S3 "
          + "server when no bucket is configured)."
    })
final class GraphCommand implements Callable<Integer> {
  @ParentCommand DigesterdCommand parent;

  @Mixin DigestChoice digest;

  @Option(
      names = "--format",
      defaultValue = "dot",
      description = "dot or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--limit", description = "Keep only the N heaviest edges by bytes (1 to 100000).")
  String limit;

  @Option(names = "--out", description = "Write here instead of standard output.")
  Path out;

  @Override
  public Integer call() throws Exception {
    GraphFormat graphFormat = ViewOptions.parse(() -> GraphFormat.parse("format", format));
    int edges = ViewOptions.parse(() -> GraphWriter.limit("limit", limit));
    try (DigestInputs inputs = new DigestInputs(parent.environment(), System.err);
        OutputStream target = Output.to(out)) {
      DigestReader lines = digest.open(inputs);
      GraphWriter.write(lines, target, graphFormat, edges);
    }
    return 0;
  }
}
