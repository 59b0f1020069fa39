package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.config.BeamWarmUp;
import io.vpcflow.digesterd.config.RunnerConfig;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.service.DigesterdService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/** {@code serve}: the HTTP API, until the process is stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the HTTP API on RUNTIME_HTTPSERVER_ADDRESS (default :8080): POST /?start=&stop= "
          + "requests a digest, GET /?start=&stop= fetches it, GET /status?start=&stop= shows its "
          + "progress, GET /status what the stream last reported; the whole API is described at /api.yaml.",
      "Configuration comes from the environment (VPC_FLOW_LOGS_BUCKET, DIGEST_STORAGE_BUCKET, "
          + "DIGEST_PROGRESS_BUCKET, STREAM_APPLIANCE_ENDPOINT, ... see the README); with no bucket "
          + "configured it runs self-contained on the embedded S3 server. With DIGESTERD_AUTH_TOKEN "
          + "set, every route but GET /healthcheck needs 'Authorization: Bearer <token>'.",
      "Extra --name=value arguments are passed to Beam for every digest (e.g. --runner=FlinkRunner); "
          + "they win over --runner-config. Stops on the signals of RUNTIME_SIGNALS_OS_SIGNALS "
          + "(default SIGTERM and SIGINT), giving running digests --grace-seconds to finish, then "
          + "cancelling their pipelines.",
      "With DIGEST_STREAMING=true the streaming pipeline (see stream --help) runs in the same "
          + "process, so closed windows are digested without any POST."
    })
final class ServeCommand implements Callable<Integer> {
  @ParentCommand DigesterdCommand parent;

  @Option(
      names = "--runner-config",
      description =
          "A runner config file (runner-configs/*.properties): Beam options, name=value per line.")
  Path runnerConfig;

  @Option(
      names = "--grace-seconds",
      defaultValue = "30",
      description =
          "On stop, how long running digests may finish before their pipelines are cancelled and they "
              + "are marked failed (default: ${DEFAULT-VALUE}).")
  long graceSeconds;

  @Unmatched List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    BeamWarmUp.start();
    ServiceConfig config = ServiceConfig.forServer(parent.environment());
    parent.startLogging(config.logging());
    List<String> pipelineArgs = RunnerConfig.pipelineArguments(runnerConfig, beamArgs);
    Duration grace = Duration.ofSeconds(graceSeconds);
    try (ShutdownSignal signal = new ShutdownSignal(config.server().signals().names());
        Session session = Session.open(config, System.err);
        DigesterdService service =
            DigesterdService.builder(session.config())
                .beamArgs(pipelineArgs)
                .shutdownGrace(grace)
                .start();
        StreamRun stream =
            session.config().stream().enabled()
                ? StreamRun.start(session.config(), pipelineArgs, System.err)
                : null) {
      System.err.printf(
          "serving the API at %s (listening on %s); description at %s/api.yaml%n",
          service.uri(),
          session.config().server().address().withPort(service.port()),
          service.uri());
      String received = signal.await();
      System.err.println(
          received
              + ": stopping; no new requests, running digests get "
              + graceSeconds
              + " s to finish, then their pipelines are cancelled");
    }
    return 0;
  }
}
