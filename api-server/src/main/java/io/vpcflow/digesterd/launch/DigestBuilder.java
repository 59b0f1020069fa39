package io.vpcflow.digesterd.launch;

import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.window.DigestWindow;

/**
 * Builds the digest of a window into the storage location ({@code DIGEST_STORAGE_BUCKET}). The
 * built-in {@link PipelineDigestBuilder} runs the Beam pipeline, here or on a Flink cluster.
 * Implementations are thread-safe.
 */
public interface DigestBuilder {

  /** Told which runner builds a digest, and why, once the builder has chosen it. */
  @FunctionalInterface
  interface RunnerListener {
    void chosen(String runner, String reason);
  }

  /** The name of the runner reported while a digest starts, before a runner is chosen for it. */
  String runnerName();

  /**
   * Builds the digest of {@code window} and waits for it, publishing live progress as {@link
   * io.vpcflow.digesterd.pipeline.RunProgress} under {@code progressKey} and telling {@code
   * runnerChosen} which runner builds it.
   *
   * <p>When this process stops and the shutdown grace is over, the calling thread is interrupted:
   * the builder should then stop the build, store no digest, and throw; the built-in builder
   * cancels its pipeline.
   *
   * @return the summary stored beside the digest
   * @throws Exception when the digest cannot be built; its message is reported as the reason
   */
  DigestSummary build(DigestWindow window, String progressKey, RunnerListener runnerChosen)
      throws Exception;
}
