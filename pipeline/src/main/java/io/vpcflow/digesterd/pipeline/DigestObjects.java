package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.BlockGzipOutputStream;
import io.vpcflow.digesterd.digest.RunMerger;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.source.StoreLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The two objects of a stored digest, {@code <id>.log.gz} and {@code <id>.json}, written the one
 * way every path (batch and stream) writes them: the sorted runs merged in one streaming pass,
 * gzip'd in 1 MiB members on all processors at deflate level 1, each object under a temporary name then renamed.
 */
public final class DigestObjects {
  private DigestObjects() {}

  /**
   * A digest written.
   *
   * @param uri the digest object's Beam resource name
   * @param lines the number of lines (keys)
   * @param bytes the size of the gzip'd object
   */
  public record Written(String uri, long lines, long bytes) {}

  /** Merges {@code runs} into {@code <id>.log.gz} under {@code storage}, atomically. */
  public static Written writeDigest(StoreLocation storage, String id, List<byte[]> runs)
      throws IOException {
    String uri = storage.resolve(id + ".log.gz");
    long[] lines = {0};
    long bytes =
        BeamFiles.writeAtomically(
            uri,
            raw -> {
              BlockGzipOutputStream gzip =
                  new BlockGzipOutputStream(
                      raw,
                      Runtime.getRuntime().availableProcessors(),
                      BlockGzipOutputStream.DEFAULT_BLOCK_BYTES,
                      BlockGzipOutputStream.DEFAULT_LEVEL);
              try {
                lines[0] = RunMerger.merge(runs, gzip);
                gzip.finish();
              } finally {
                gzip.abort();
              }
            });
    return new Written(uri, lines[0], bytes);
  }

  /** Writes {@code summary} as {@code <id>.json} under {@code storage}, atomically. */
  public static void writeSummary(StoreLocation storage, DigestSummary summary) throws IOException {
    byte[] json = DigestSummaryJson.write(summary).getBytes(StandardCharsets.UTF_8);
    BeamFiles.writeAtomically(storage.resolve(summary.id() + ".json"), out -> out.write(json));
  }

  /** The summary {@code <id>.json} under {@code storage}, if it exists. */
  public static Optional<DigestSummary> readSummary(StoreLocation storage, String id)
      throws IOException {
    Optional<byte[]> json = BeamFiles.read(storage.resolve(id + ".json"));
    if (json.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(DigestSummaryJson.read(new String(json.get(), StandardCharsets.UTF_8)));
  }
}
