package io.vpcflow.digesterd.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * When and how the server sends a digest to a Flink cluster instead of its default runner.
 *
 * @param master the Flink REST address ({@code DIGEST_FLINK_MASTER}, e.g. {@code 127.0.0.1:8081});
 *     empty: every digest runs on the default runner
 * @param thresholdBytes windows whose listed objects hold at least this many compressed bytes go to
 *     Flink ({@code DIGEST_FLINK_THRESHOLD_BYTES}, default 10 GiB)
 * @param runnerConfig a runner config file with further Beam options for Flink runs ({@code
 *     DIGEST_FLINK_RUNNER_CONFIG}, e.g. {@code runner-configs/flink-cluster.properties})
 */
public record FlinkSettings(
    Optional<String> master, long thresholdBytes, Optional<Path> runnerConfig) {
  /** The default threshold: 10 GiB of gzip'd flow logs. */
  public static final long DEFAULT_THRESHOLD_BYTES = 10L << 30;

  /** No Flink cluster: every digest runs on the default runner. */
  public static FlinkSettings none() {
    return new FlinkSettings(Optional.empty(), DEFAULT_THRESHOLD_BYTES, Optional.empty());
  }

  static FlinkSettings read(EnvReader in) {
    Optional<String> master = in.optional("DIGEST_FLINK_MASTER");
    if (master.isPresent()
        && !master.get().matches("\\[local]|\\[auto]|[A-Za-z0-9._-]+:\\d{1,5}")) {
      in.problem(
          "DIGEST_FLINK_MASTER must be host:port of a Flink REST endpoint (or [local]), got '"
              + master.get()
              + "'");
    }
    Optional<Path> runnerConfig = in.optional("DIGEST_FLINK_RUNNER_CONFIG").map(Paths::get);
    if (runnerConfig.isPresent() && !Files.isReadable(runnerConfig.get())) {
      in.problem(
          "DIGEST_FLINK_RUNNER_CONFIG names a file that cannot be read: " + runnerConfig.get());
    }
    long threshold = in.longValue("DIGEST_FLINK_THRESHOLD_BYTES", DEFAULT_THRESHOLD_BYTES, 0);
    return new FlinkSettings(master, threshold, runnerConfig);
  }
}
