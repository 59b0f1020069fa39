package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.config.BeamWarmUp;
import io.vpcflow.digesterd.config.DigestOptionsFactory;
import io.vpcflow.digesterd.config.RunnerConfig;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.stats.DigestMetrics;
import io.vpcflow.digesterd.stats.Stats;
import io.vpcflow.digesterd.window.DigestWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/** {@code digest}: builds the digest of one window now, in this process. */
@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description = {
      "Digests the flow logs of one window [start, stop) and stores <id>.log.gz and <id>.json in "
          + "the storage bucket, as the server would.",
      "Configuration comes from the environment (VPC_FLOW_LOGS_BUCKET, DIGEST_STORAGE_BUCKET, "
          + "AWS_*, ... see the README); with no bucket configured it uses the embedded S3 server.",
      "Extra --name=value arguments are passed to Beam (e.g. --runner=FlinkRunner, --shards=8); "
          + "they win over --runner-config.",
      "With RUNTIME_STATS_OUTPUT=DATADOG the digest's metrics (digest.duration, digest.objects, ...) "
          + "are sent before the command exits."
    })
final class DigestCommand implements Callable<Integer> {
  @ParentCommand DigesterdCommand parent;

  @Option(
      names = "--start",
      required = true,
      description = "Window start, RFC 3339 (e.g. 2019-01-01T00:00:00Z).")
  String start;

  @Option(names = "--stop", required = true, description = "Window stop (exclusive), RFC 3339.")
  String stop;

  @Option(names = "--out", description = "Also write a local copy of the gzip'd digest here.")
  Path out;

  @Option(
      names = "--runner-config",
      description =
          "A runner config file (runner-configs/*.properties): Beam options, name=value per line.")
  Path runnerConfig;

  @Unmatched List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    BeamWarmUp.start();
    ServiceConfig config = ServiceConfig.fromEnvironment(parent.environment());
    parent.startLogging(config.logging());
    DigestWindow window = DigestWindow.parse(start, stop, config.maxWindow());
    List<String> pipelineArgs = RunnerConfig.pipelineArguments(runnerConfig, beamArgs);
    if (DigestOptionsFactory.choosesDirectRunner(pipelineArgs)) {
      BatchJitDirectives.start();
    }
    try (Session session = Session.open(config, System.err);
        Stats stats = Stats.open(config.stats(), config.server().connState().reportInterval())) {
      long began = System.nanoTime();
      DigestSummary summary;
      try {
        summary = DigestRun.execute(session.config(), window, pipelineArgs, out, System.err);
      } catch (Exception e) {
        DigestMetrics.failed(stats.registry(), Duration.ofNanos(System.nanoTime() - began));
        throw e;
      }
      DigestMetrics.done(stats.registry(), summary);
      SummaryPrinter.print(summary, System.out);
      if (out != null) {
        System.out.println("  local copy: " + out.toAbsolutePath());
      }
    }
    return 0;
  }
}
