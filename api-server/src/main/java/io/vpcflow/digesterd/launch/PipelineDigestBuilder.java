package io.vpcflow.digesterd.launch;

import io.vpcflow.digesterd.config.DigestOptionsFactory;
import io.vpcflow.digesterd.config.FlinkSettings;
import io.vpcflow.digesterd.config.RunnerConfig;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.layout.ObjectPlan;
import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.pipeline.DigestOptions;
import io.vpcflow.digesterd.pipeline.DigestPipeline;
import io.vpcflow.digesterd.pipeline.RunProgress;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds digests with the Beam pipeline: lists the window's objects, then runs it on the Flink
 * cluster when {@link RunnerChoice} says so ({@code DIGEST_FLINK_*}), else on the configured runner
 * (the DirectRunner by default, in this process). Runs whose workers are in other JVMs report
 * progress through files next to the markers.
 */
public final class PipelineDigestBuilder implements DigestBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineDigestBuilder.class);

  private final ServiceConfig config;
  private final String[] beamArgs;
  private final String[] flinkArgs;
  private final FlinkSettings flink;
  private final String runnerName;
  private final StoreLocation progressRoot;

  /**
   * @param config where flow logs and digests are, how to reach S3, when to use Flink
   * @param beamArgs extra {@code --name=value} pipeline arguments for every run
   * @throws IllegalArgumentException when a Beam argument (also of the Flink runner config) is
   *     unknown or invalid (checked now, not at the first request)
   * @throws UncheckedIOException when the Flink runner config cannot be read
   */
  public PipelineDigestBuilder(ServiceConfig config, List<String> beamArgs) {
    this.config = config;
    this.flink = config.server().flink();
    this.beamArgs = beamArgs.toArray(String[]::new);
    this.flinkArgs = flinkArguments(flink, beamArgs).toArray(String[]::new);
    this.progressRoot = config.server().progress().orElseGet(() -> config.storage().orElseThrow());
    Instant epoch = Instant.EPOCH;
    DigestWindow probe = new DigestWindow(epoch, epoch.plus(1, ChronoUnit.MINUTES));
    this.runnerName =
        DigestOptionsFactory.create(config, probe, this.beamArgs).getRunner().getSimpleName();
    if (flink.master().isPresent()) {
      DigestOptionsFactory.create(config, probe, flinkArgs);
    }
  }

  private static List<String> flinkArguments(FlinkSettings flink, List<String> beamArgs) {
    if (flink.master().isEmpty()) {
      return List.of();
    }
    List<String> overrides = new ArrayList<>();
    try {
      if (flink.runnerConfig().isPresent()) {
        overrides.addAll(RunnerConfig.arguments(flink.runnerConfig().get()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read DIGEST_FLINK_RUNNER_CONFIG " + flink.runnerConfig().get(), e);
    }
    overrides.add("--runner=FlinkRunner");
    overrides.add("--flinkMaster=" + flink.master().get());
    return RunnerConfig.merge(beamArgs, overrides);
  }

  @Override
  public String runnerName() {
    return runnerName;
  }

  @Override
  public DigestSummary build(DigestWindow window, String progressKey, RunnerListener runnerChosen)
      throws IOException {
    ObjectPlan plan = DigestPipeline.plan(DigestOptionsFactory.create(config, window, beamArgs));
    RunnerChoice choice = RunnerChoice.choose(plan.totalBytes(), flink, runnerName);
    DigestOptions options =
        DigestOptionsFactory.create(config, window, choice.flink() ? flinkArgs : beamArgs);
    options.setProgressKey(progressKey);
    options.setRunnerReason(choice.reason());
    if (DigestOptionsFactory.workersElsewhere(options)) {
      options.setProgressLocation(
          progressRoot.resolve(progressKey.replace('#', '-') + ".progress/"));
    }
    LOG.atInfo()
        .addKeyValue("event", "runner-chosen")
        .addKeyValue("id", window.digestId())
        .log("digest {} runs on {}: {}", window.digestId(), choice.runner(), choice.reason());
    runnerChosen.chosen(choice.runner(), choice.reason());
    RunProgress.register(progressKey, plan.objects().size(), plan.totalBytes());
    try {
      return DigestPipeline.run(options, plan);
    } finally {
      RunProgress.unregister(progressKey);
    }
  }
}
