package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.config.DigestOptionsFactory;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.stream.DigestStream;
import io.vpcflow.digesterd.stream.StreamOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;

/** The streaming pipeline running in this process, cancelled on close. */
final class StreamRun implements AutoCloseable {
  private final PipelineResult result;

  private StreamRun(PipelineResult result) {
    this.result = result;
  }

  /** Starts the stream on the configuration's stores and prints what it watches to {@code err}. */
  static StreamRun start(ServiceConfig config, List<String> beamArgs, PrintStream err) {
    StreamOptions options = DigestOptionsFactory.stream(config, beamArgs.toArray(String[]::new));
    err.printf(
        "streaming: watching %s every %s; %s windows, lateness %s; digests to %s; resume point in %s, status in %s%n",
        options.getFlowLogsBucket(),
        options.getStreamPoll(),
        options.getStreamWindow(),
        options.getStreamLateness(),
        options.getStorageBucket(),
        DigestStream.stateUri(options),
        DigestStream.statusUri(options));
    return new StreamRun(DigestStream.run(options));
  }

  /** Waits until the stream ends (it ends only when cancelled or failed). */
  PipelineResult.State await() {
    return result.waitUntilFinish();
  }

  @Override
  public void close() throws IOException {
    if (!result.getState().isTerminal()) {
      result.cancel();
    }
  }
}
