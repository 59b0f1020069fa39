package io.vpcflow.digesterd.store;

import io.vpcflow.digesterd.report.DigestSummary;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finished digests by id. A digest exists once both its gzip'd lines and its summary (saying {@code
 * done}) are stored; the pipeline writes the lines first and the summary last, each atomically, so
 * a reader never sees a partial digest. The summary of a window whose last attempt failed says
 * {@code failed} and why, until an attempt succeeds. Implementations are thread-safe.
 *
 * <p>The pipeline always writes to {@code DIGEST_STORAGE_BUCKET}. A custom store that keeps digests
 * elsewhere receives each new digest through {@link #publish}.
 */
public interface DigestStore {

  /**
   * Whether the digest of {@code id} is complete: its summary is stored and says done.
   *
   * @throws IOException when the store cannot be reached
   */
  boolean exists(UUID id) throws IOException;

  /**
   * The gzip'd digest lines of {@code id} (close the stream), if the digest exists.
   *
   * @throws IOException when the store cannot be reached
   */
  Optional<InputStream> open(UUID id) throws IOException;

  /**
   * The stored summary of {@code id}: the digest's, or the last failed attempt's.
   *
   * @throws IOException when the store cannot be reached or the summary is unreadable
   */
  Optional<DigestSummary> summary(UUID id) throws IOException;

  /**
   * The ids of the summaries stored, in the order of their names ({@code <id>.json}), starting
   * after the id {@code after} (null: from the first), at most {@code max}; empty when this store
   * cannot list (the default).
   *
   * @throws IOException when the store cannot be reached
   */
  default Optional<List<UUID>> summaryIds(String after, int max) throws IOException {
    return Optional.empty();
  }

  /**
   * Takes a digest the pipeline has just written; {@code pipelineOutput} serves its bytes. Called
   * once per built digest, before the digest is reported done. The built-in stores read the
   * pipeline's output location themselves and do nothing here.
   *
   * @throws IOException when the digest cannot be stored (the digest is then reported failed)
   */
  default void publish(DigestSummary summary, DigestStore pipelineOutput) throws IOException {}

  /**
   * Records that an attempt at a digest failed ({@link DigestSummary#failed}) as its summary,
   * unless the digest exists: a built digest is never hidden. A store may keep no failures (the
   * default); the marker records them too.
   *
   * @throws IOException when the store cannot be reached
   */
  default void recordFailure(DigestSummary failure) throws IOException {}
}
