package io.vpcflow.digesterd.store;

import io.vpcflow.digesterd.report.DigestSummary;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * Finished digests by id. A digest exists once both its gzip'd lines and its summary are stored;
 * the pipeline writes the lines first and the summary last, each atomically, so a reader never
 * sees a partial digest. Implementations are thread-safe.
 *
 * <p>The pipeline always writes to {@code DIGEST_STORAGE_BUCKET}. A custom store that keeps
 * digests elsewhere receives each new digest through {@link #publish}.
 */
public interface DigestStore {

  /**
   * Whether the digest of {@code id} is complete.
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
   * The summary of {@code id}, if the digest exists.
   *
   * @throws IOException when the store cannot be reached or the summary is unreadable
   */
  Optional<DigestSummary> summary(UUID id) throws IOException;

  /**
   * Takes a digest the pipeline has just written; {@code pipelineOutput} serves its bytes. Called
   * once per built digest, before the digest is reported done. The built-in stores read the
   * pipeline's output location themselves and do nothing here.
   *
   * @throws IOException when the digest cannot be stored (the digest is then reported failed)
   */
  default void publish(DigestSummary summary, DigestStore pipelineOutput) throws IOException {}
}
