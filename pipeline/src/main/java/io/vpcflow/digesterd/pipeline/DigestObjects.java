package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.BlockGzipOutputStream;
import io.vpcflow.digesterd.digest.RunMerger;
import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.s3.BucketPurpose;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The two objects of a stored digest, {@code <id>.log.gz} and {@code <id>.json}: the summary as
 * every path writes it, and the digest as the stream writes a window's (sorted runs held in memory,
 * merged in one streaming pass, gzip'd in 1 MiB members on all processors at deflate level 1); each
 * object under a temporary name then renamed. The batch pipeline writes its digest from merged key
 * ranges instead ({@link DigestParts}): the same lines, in gzip members cut at range boundaries
 * too. Every object is reached as the {@link BucketPurpose#STORAGE storage} bucket (its region and
 * role), whatever location it is given.
 */
public final class DigestObjects {
  private DigestObjects() {}

  /**
   * A digest written.
   *
   * @param uri the digest object as users are shown it ({@code s3://bucket/key} or a local path)
   * @param resourceName the digest object's Beam resource name (the storage bucket's scheme)
   * @param lines the number of lines (keys)
   * @param bytes the size of the gzip'd object
   */
  public record Written(String uri, String resourceName, long lines, long bytes) {}

  /** Merges {@code runs} into {@code <id>.log.gz} under {@code storage}, atomically. */
  public static Written writeDigest(StoreLocation storage, String id, List<byte[]> runs)
      throws IOException {
    String uri = storage.resolve(id + ".log.gz");
    String resourceName = BucketPurpose.STORAGE.resourceName(uri);
    long[] lines = {0};
    long bytes =
        BeamFiles.writeAtomically(
            resourceName,
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
    return new Written(uri, resourceName, lines[0], bytes);
  }

  /**
   * The {@link SmallObjects} of {@code storage}, which {@link #writeSummary} and {@link
   * #readSummary} use (close it).
   */
  public static SmallObjects summaries(StoreLocation storage, PipelineOptions options) {
    return SmallObjects.under(summariesLocation(storage), options);
  }

  /** Where {@link #summaries} are: the Beam resource name of {@code storage}'s folder. */
  public static String summariesLocation(StoreLocation storage) {
    return resourceName(storage, "");
  }

  /**
   * Writes {@code summary} as {@code <id>.json} under {@code storage} with {@code objects} ({@link
   * #summaries}), whole.
   */
  public static void writeSummary(
      SmallObjects objects, StoreLocation storage, DigestSummary summary) throws IOException {
    objects.put(
        resourceName(storage, summary.id() + ".json"),
        DigestSummaryJson.write(summary).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The summary {@code <id>.json} under {@code storage}, read with {@code objects} ({@link
   * #summaries}), if it exists.
   */
  public static Optional<DigestSummary> readSummary(
      SmallObjects objects, StoreLocation storage, String id) throws IOException {
    Optional<byte[]> json = objects.get(resourceName(storage, id + ".json"));
    if (json.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(DigestSummaryJson.read(new String(json.get(), StandardCharsets.UTF_8)));
  }

  /**
   * Opens the digest {@code <id>.log.gz} under {@code storage} (gzip'd, as stored; close it).
   *
   * @throws java.io.FileNotFoundException when there is none
   */
  public static InputStream openDigest(StoreLocation storage, String id) throws IOException {
    return Channels.newInputStream(
        FileSystems.open(
            FileSystems.matchNewResource(resourceName(storage, id + ".log.gz"), false)));
  }

  private static String resourceName(StoreLocation storage, String name) {
    return BucketPurpose.STORAGE.resourceName(storage.resolve(name));
  }
}
