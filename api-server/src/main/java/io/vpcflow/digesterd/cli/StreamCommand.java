package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.config.BeamWarmUp;
import io.vpcflow.digesterd.config.RunnerConfig;
import io.vpcflow.digesterd.config.ServiceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/** {@code stream}: the streaming pipeline, until the process is stopped. */
@Command(
    name = "stream",
    mixinStandardHelpOptions = true,
    description = {
      "Watches the flow-log bucket for new objects every DIGEST_STREAM_POLL (default PT1M), reads "
          + "each object once and writes the digest of every DIGEST_STREAM_WINDOW (default PT1H, "
          + "aligned to UTC) once the watermark passes its end plus DIGEST_STREAM_LATENESS "
          + "(default PT15M): the same <id>.log.gz and <id>.json a POST of that window builds.",
      "Records later than the lateness are counted as 'late' in the window's <id>.json, never "
          + "digested. Configuration comes from the environment as for digest and serve; with no "
          + "bucket configured it uses the embedded S3 server.",
      "On restart it resumes from the first window not closed yet, kept in stream/state.json in "
          + "DIGEST_PROGRESS_BUCKET (else under DIGEST_STORAGE_BUCKET; --streamState=URI to choose), "
          + "and reads no object again: each object's folded records are saved next to it "
          + "(parts/, read/) until its windows are written. "
          + "Its status (last object, watermark, open windows, records, late records) goes to "
          + "status.json next to it, which serve's GET /status shows.",
      "Extra --name=value arguments are passed to Beam (e.g. --streamFrom=2024-05-01T00:00:00Z, "
          + "the first window to digest when no resume point is stored); they win over "
          + "--runner-config."
    })
final class StreamCommand implements Callable<Integer> {
  @ParentCommand DigesterdCommand parent;

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
    List<String> pipelineArgs = RunnerConfig.pipelineArguments(runnerConfig, beamArgs);
    try (Session session = Session.open(config, System.err);
        StreamRun stream = StreamRun.start(session.config(), pipelineArgs, System.err)) {
      System.err.println("the stream ended: " + stream.await());
    }
    return 1;
  }
}
