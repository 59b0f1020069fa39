package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.view.DigestReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that choose one digest for a view command ({@code graph}, {@code query}): a local
 * file, or the stored digest of a window.
 */
final class DigestChoice {
  @Option(names = "--file", description = "A local digest (gzip'd <id>.log.gz or plain text).")
  Path file;

  @Option(names = "--start", description = "Window start, RFC 3339.")
  String start;

  @Option(names = "--stop", description = "Window stop (exclusive), RFC 3339.")
  String stop;

  /** Opens the chosen digest through {@code inputs}. */
  DigestReader open(DigestInputs inputs) throws Exception {
    return inputs.open(file, start, stop, "--file", "--start", "--stop");
  }
}
