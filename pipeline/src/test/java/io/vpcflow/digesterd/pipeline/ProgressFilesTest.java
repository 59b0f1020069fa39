package io.vpcflow.digesterd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.report.ShardProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress of shards in other JVMs, carried by progress files and summed where the run was
 * submitted.
 */
class ProgressFilesTest {
  @TempDir Path temp;

  @BeforeAll
  static void filesystems() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  private static PlannedObject object(String key, long size) {
    return new PlannedObject("file:///" + key, key, size, Instant.EPOCH);
  }

  @Test
  void shardsWriteFilesThatTheSubmitterSumsIntoItsRunProgressAndThenDeletes() throws Exception {
    String location = temp.resolve("run.progress") + "/";
    RunProgress run = RunProgress.register("files-test", 3, 300);
    try {
      ProgressChannel channel = ProgressChannel.of("files-test", location);
      ProgressChannel.ShardReporter a = channel.shard(List.of(object("a1", 100), object("a2", 50)));
      a.objectDone(100);
      a.objectDone(50);
      a.finish();
      ProgressChannel.ShardReporter b = channel.shard(List.of(object("b1", 150)));
      b.objectDone(150);
      b.finish();
      channel.rangesPlanned(2);
      channel.rangeDone(0);

      assertEquals(
          0,
          run.objectsDone(),
          "workers with a progress location write files, not this JVM's progress");
      assertEquals(
          Set.of(
              new ShardProgress(2, 150),
              new ShardProgress(1, 150),
              new ShardProgress(0, 0, 0, 2),
              new ShardProgress(0, 0, 1, 0)),
          Set.copyOf(ProgressFiles.read(location).values()));

      RemoteProgress.follow(location, "files-test", Duration.ofHours(1)).close();

      assertEquals(3, run.objectsDone());
      assertEquals(300, run.bytesDone());
      assertEquals(2, run.rangesTotal());
      assertEquals(1, run.rangesDone());
      try (Stream<Path> left = Files.list(temp.resolve("run.progress"))) {
        assertEquals(Set.of(), left.collect(Collectors.toSet()));
      }
    } finally {
      RunProgress.unregister("files-test");
    }
  }

  @Test
  void withoutALocationShardsCountInThisJvm() {
    RunProgress run = RunProgress.register("local-test", 1, 10);
    try {
      ProgressChannel channel = ProgressChannel.of("local-test", "");
      ProgressChannel.ShardReporter writer = channel.shard(List.of(object("x", 10)));
      writer.objectDone(10);
      writer.finish();
      channel.rangesPlanned(3);
      channel.rangeDone(2);
      assertEquals(1, run.objectsDone());
      assertEquals(10, run.bytesDone());
      assertEquals(3, run.rangesTotal());
      assertEquals(1, run.rangesDone());
    } finally {
      RunProgress.unregister("local-test");
    }
  }

  @Test
  void aProgressLocationWithNoFilesYetReadsAsNoShards() throws Exception {
    assertEquals(0, ProgressFiles.read(temp.resolve("nothing-yet") + "/").size());
  }
}
