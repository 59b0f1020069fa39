package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpcflow.digesterd.config.RunnerConfig;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Streaming mode's acceptance scenario ({@link StreamAcceptance}) on a real Flink runtime: the
 * embedded mini-cluster, with the options of the shipped {@code
 * runner-configs/flink-stream.properties} (detached submission, checkpointing, file checkpoint
 * storage), checkpoints every second.
 */
class DigestStreamFlinkIT {
  private static final Set<String> COPIED =
      Set.of(
          "runner",
          "flinkMaster",
          "attachedMode",
          "checkpointingInterval",
          "stateBackend",
          "stateBackendStoragePath",
          "numberOfExecutionRetries",
          "executionRetryDelay",
          "fasterCopy");

  @TempDir Path checkpoints;

  @Test
  void eachClosedWindowIsDigestedOnceAsTheBatchPathDigestsItOnFlink() throws Exception {
    List<String> args =
        RunnerConfig.arguments(Paths.get("..", "runner-configs", "flink-stream.properties"));
    Set<String> names = new TreeSet<>();
    args.forEach(a -> names.add(a.substring(2, a.indexOf('='))));
    assertEquals(
        new TreeSet<>(COPIED), names, "every option of flink-stream.properties is applied here");
    FlinkPipelineOptions shipped =
        PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(FlinkPipelineOptions.class);
    assertEquals(FlinkRunner.class, shipped.getRunner());

    try (EmbeddedS3Server server = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(server)) {
      S3Fixture.createBuckets(client, "stream-logs", "digests");
      StreamAcceptance.run(
          server,
          options -> {
            FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
            flink.setRunner(shipped.getRunner());
            flink.setFlinkMaster(shipped.getFlinkMaster());
            flink.setAttachedMode(shipped.getAttachedMode());
            flink.setCheckpointingInterval(1000L);
            flink.setStateBackend(shipped.getStateBackend());
            flink.setStateBackendStoragePath(checkpoints.toUri().toString());
            flink.setNumberOfExecutionRetries(shipped.getNumberOfExecutionRetries());
            flink.setExecutionRetryDelay(shipped.getExecutionRetryDelay());
            flink.setFasterCopy(shipped.getFasterCopy());
          },
          Duration.ofSeconds(90));
    }
  }
}
