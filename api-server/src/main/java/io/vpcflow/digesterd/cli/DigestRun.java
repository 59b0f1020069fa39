package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.config.DigestOptionsFactory;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.layout.ObjectPlan;
import io.vpcflow.digesterd.pipeline.DigestObjects;
import io.vpcflow.digesterd.pipeline.DigestOptions;
import io.vpcflow.digesterd.pipeline.DigestPipeline;
import io.vpcflow.digesterd.pipeline.RunProgress;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

/**
 * Runs the digest of one window in this process, with progress on a stream, and optionally copies
 * the stored digest to a local file.
 */
final class DigestRun {
  private DigestRun() {}

  /** Digests {@code window}; returns the stored summary. */
  static DigestSummary execute(
      ServiceConfig config,
      DigestWindow window,
      List<String> beamArgs,
      Path copyTo,
      PrintStream err)
      throws IOException {
    DigestOptions options =
        DigestOptionsFactory.create(config, window, beamArgs.toArray(String[]::new));
    options.setProgressKey(UUID.randomUUID().toString());
    if (DigestOptionsFactory.workersElsewhere(options)) {
      options.setProgressLocation(
          config
              .storage()
              .orElseThrow()
              .resolve(window.digestId() + "-" + options.getProgressKey() + ".progress/"));
    }
    err.printf(
        "digest %s of %s%n  flow logs: %s%s%n  storage:   %s%n",
        window.digestId(),
        window,
        config.flowLogs().orElseThrow(),
        config.flowLogsPrefix().isEmpty() ? "" : " (prefix " + config.flowLogsPrefix() + ")",
        config.storage().orElseThrow());
    ObjectPlan plan = DigestPipeline.plan(options);
    err.printf(
        "  listed %d objects with %d list requests: %d to read (%s), %d skipped%n",
        plan.listedObjects(),
        plan.listRequests(),
        plan.objects().size(),
        Sizes.human(plan.totalBytes()),
        plan.skipped().size());
    RunProgress.register(options.getProgressKey(), plan.objects().size(), plan.totalBytes());
    DigestSummary summary;
    try (ProgressPrinter progress = new ProgressPrinter(options.getProgressKey(), err, 1000)) {
      summary = DigestPipeline.run(options, plan);
    } finally {
      RunProgress.unregister(options.getProgressKey());
    }
    if (copyTo != null) {
      try (InputStream in =
          DigestObjects.openDigest(config.storage().orElseThrow(), summary.id())) {
        Path parent = copyTo.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.copy(in, copyTo, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return summary;
  }
}
