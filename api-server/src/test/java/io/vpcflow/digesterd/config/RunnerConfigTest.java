package io.vpcflow.digesterd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.pipeline.DigestOptions;
import io.vpcflow.digesterd.window.DigestWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerConfigTest {
  @TempDir Path temp;

  @Test
  void turnsPropertiesIntoPipelineArgumentsIgnoringComments() throws Exception {
    Path file = temp.resolve("x.properties");
    Files.writeString(
        file, "# comment\nrunner=DirectRunner\n  shards = 4\n# targetParallelism=9\n");
    assertEquals(List.of("--runner=DirectRunner", "--shards=4"), RunnerConfig.arguments(file));
  }

  @Test
  void theShippedDirectConfigSelectsTheDirectRunner() throws Exception {
    Path direct = Paths.get("..", "runner-configs", "direct.properties");
    assertTrue(RunnerConfig.arguments(direct).contains("--runner=DirectRunner"));
  }

  @Test
  void everyShippedRunnerConfigGivesValidOptionsForItsRunner() throws Exception {
    Map<String, String> expected =
        Map.of(
            "direct.properties", "DirectRunner",
            "flink-local.properties", "FlinkRunner",
            "flink-cluster.properties", "FlinkRunner",
            "flink-stream.properties", "FlinkRunner",
            "emr.properties", "FlinkRunner");
    try (Stream<Path> files = Files.list(Paths.get("..", "runner-configs"))) {
      Set<String> shipped =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".properties"))
              .collect(Collectors.toSet());
      assertEquals(expected.keySet(), shipped);
    }
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of("VPC_FLOW_LOGS_BUCKET", "logs", "DIGEST_STORAGE_BUCKET", "digests"));
    DigestWindow window = DigestWindow.parse("2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z");
    for (Map.Entry<String, String> file : expected.entrySet()) {
      List<String> args = RunnerConfig.arguments(Paths.get("..", "runner-configs", file.getKey()));
      DigestOptions options =
          DigestOptionsFactory.create(config, window, args.toArray(String[]::new));
      assertEquals(file.getValue(), options.getRunner().getSimpleName(), file.getKey());
    }
  }

  @Test
  void onlyARemoteFlinkClusterRunsWorkersInOtherJvms() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of("VPC_FLOW_LOGS_BUCKET", "logs", "DIGEST_STORAGE_BUCKET", "digests"));
    DigestWindow window = DigestWindow.parse("2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z");
    assertFalse(
        DigestOptionsFactory.workersElsewhere(
            DigestOptionsFactory.create(config, window, "--runner=DirectRunner")));
    assertFalse(
        DigestOptionsFactory.workersElsewhere(
            DigestOptionsFactory.create(
                config, window, "--runner=FlinkRunner", "--flinkMaster=[local]")));
    assertTrue(
        DigestOptionsFactory.workersElsewhere(
            DigestOptionsFactory.create(
                config, window, "--runner=FlinkRunner", "--flinkMaster=10.0.0.5:8081")));
  }

  @Test
  void mergeKeepsBaseOrderAndLetsOverridesWin() {
    assertEquals(
        List.of("--runner=FlinkRunner", "--shards=4", "--flinkMaster=h:1"),
        RunnerConfig.merge(
            List.of("--runner=DirectRunner", "--shards=4"),
            List.of("--runner=FlinkRunner", "--flinkMaster=h:1")));
  }

  @Test
  void extraArgumentsReplaceTheFilesOfTheSameName() throws Exception {
    Path file = temp.resolve("y.properties");
    Files.writeString(file, "runner=DirectRunner\nshards=4\n");
    assertEquals(
        List.of("--runner=DirectRunner", "--shards=8", "--targetParallelism=3"),
        RunnerConfig.pipelineArguments(file, List.of("--shards=8", "--targetParallelism=3")));
    assertEquals(
        List.of("--shards=8"), RunnerConfig.pipelineArguments(null, List.of("--shards=8")));
  }
}
