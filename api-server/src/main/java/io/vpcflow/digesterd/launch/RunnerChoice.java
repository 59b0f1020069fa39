package io.vpcflow.digesterd.launch;

import io.vpcflow.digesterd.config.FlinkSettings;

/**
 * Which runner builds a digest, and why: a window whose listed objects reach the Flink threshold
 * goes to the configured Flink cluster, any other to the default runner.
 *
 * @param flink whether the digest goes to the Flink cluster
 * @param runner the name reported for the runner ({@code FlinkRunner} or the default's name)
 * @param reason one line naming the size, the threshold and the setting that decided
 */
public record RunnerChoice(boolean flink, String runner, String reason) {

  /**
   * Chooses the runner of a window whose listed objects hold {@code listedBytes} compressed bytes.
   *
   * @param defaultRunner the name of the runner configured for every digest
   */
  public static RunnerChoice choose(
      long listedBytes, FlinkSettings settings, String defaultRunner) {
    if (settings.master().isEmpty()) {
      return new RunnerChoice(
          false,
          defaultRunner,
          "no Flink cluster configured (DIGEST_FLINK_MASTER): every digest runs on "
              + defaultRunner);
    }
    String comparison =
        "listed input "
            + listedBytes
            + " bytes "
            + (listedBytes >= settings.thresholdBytes() ? ">=" : "<")
            + " DIGEST_FLINK_THRESHOLD_BYTES "
            + settings.thresholdBytes();
    if (listedBytes >= settings.thresholdBytes()) {
      return new RunnerChoice(
          true, "FlinkRunner", comparison + ": Flink at " + settings.master().get());
    }
    return new RunnerChoice(false, defaultRunner, comparison + ": " + defaultRunner);
  }
}
