package io.vpcflow.digesterd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerConfigTest {
  @TempDir Path temp;

  @Test
  void turnsPropertiesIntoPipelineArgumentsIgnoringComments() throws Exception {
    Path file = temp.resolve("x.properties");
    Files.writeString(file, "# comment\nrunner=DirectRunner\n  shards = 4\n# targetParallelism=9\n");
    assertEquals(List.of("--runner=DirectRunner", "--shards=4"), RunnerConfig.arguments(file));
  }

  @Test
  void theShippedDirectConfigSelectsTheDirectRunner() throws Exception {
    Path direct = Paths.get("..", "runner-configs", "direct.properties");
    assertTrue(RunnerConfig.arguments(direct).contains("--runner=DirectRunner"));
  }

  @Test
  void extraArgumentsReplaceTheFilesOfTheSameName() throws Exception {
    Path file = temp.resolve("y.properties");
    Files.writeString(file, "runner=DirectRunner\nshards=4\n");
    assertEquals(
        List.of("--runner=DirectRunner", "--shards=8", "--targetParallelism=3"),
        RunnerConfig.pipelineArguments(file, List.of("--shards=8", "--targetParallelism=3")));
    assertEquals(List.of("--shards=8"), RunnerConfig.pipelineArguments(null, List.of("--shards=8")));
  }
}
