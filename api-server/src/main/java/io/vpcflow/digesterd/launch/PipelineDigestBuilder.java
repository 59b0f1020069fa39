package io.vpcflow.digesterd.launch;

import io.vpcflow.digesterd.config.DigestOptionsFactory;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.layout.ObjectPlan;
import io.vpcflow.digesterd.pipeline.DigestOptions;
import io.vpcflow.digesterd.pipeline.DigestPipeline;
import io.vpcflow.digesterd.pipeline.RunProgress;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Builds digests with the Beam pipeline in this process (DirectRunner, or a runner's client). */
public final class PipelineDigestBuilder implements DigestBuilder {
  private final ServiceConfig config;
  private final String[] beamArgs;
  private final String runnerName;

  /**
   * @param config where flow logs and digests are, and how to reach S3
   * @param beamArgs extra {@code --name=value} pipeline arguments for every run
   * @throws IllegalArgumentException when a Beam argument is unknown or invalid (checked now, not
   *     at the first request)
   */
  public PipelineDigestBuilder(ServiceConfig config, List<String> beamArgs) {
    this.config = config;
    this.beamArgs = beamArgs.toArray(String[]::new);
    Instant epoch = Instant.EPOCH;
    this.runnerName =
        DigestOptionsFactory.create(config, new DigestWindow(epoch, epoch.plus(1, ChronoUnit.MINUTES)), this.beamArgs)
            .getRunner()
            .getSimpleName();
  }

  @Override
  public String runnerName() {
    return runnerName;
  }

  @Override
  public DigestSummary build(DigestWindow window, String progressKey) throws IOException {
    DigestOptions options = DigestOptionsFactory.create(config, window, beamArgs);
    options.setProgressKey(progressKey);
    ObjectPlan plan = DigestPipeline.plan(options);
    RunProgress.register(progressKey, plan.objects().size(), plan.totalBytes());
    try {
      return DigestPipeline.run(options, plan);
    } finally {
      RunProgress.unregister(progressKey);
    }
  }
}
