package io.vpcflow.digesterd.launch;

import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.window.DigestWindow;

/**
 * Builds the digest of a window into the storage location ({@code DIGEST_STORAGE_BUCKET}). The
 * built-in {@link PipelineDigestBuilder} runs the Beam pipeline; another could submit it to a
 * remote cluster. Implementations are thread-safe.
 */
public interface DigestBuilder {

  /** The name of the runner reported while a digest is running (e.g. {@code DirectRunner}). */
  String runnerName();

  /**
   * Builds the digest of {@code window} and waits for it. A builder running in this JVM publishes
   * live progress as {@link io.vpcflow.digesterd.pipeline.RunProgress} under {@code progressKey}.
   *
   * @return the summary stored beside the digest
   * @throws Exception when the digest cannot be built; its message is reported as the reason
   */
  DigestSummary build(DigestWindow window, String progressKey) throws Exception;
}
