package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Building the stream's graph reads and writes nothing (rendering or testing a graph must not wipe
 * a stream's state); taking over the folder is {@link DigestStream#takeOver}'s job.
 */
class DigestStreamBuildTest {
  private static final Instant W0 = Instant.parse("2024-05-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void buildingTheGraphLeavesTheStreamsFolderAsItWas() throws IOException {
    StreamOptions options = options();
    Path folder = dir.resolve("digests/stream");
    Files.createDirectories(folder.resolve("parts"));
    Files.writeString(folder.resolve("parts/stray-part"), "a part of a stream whose state is gone");
    Map<String, String> before = contents(dir);

    Pipeline pipeline = Pipeline.create(options);
    DigestStream.build(
        pipeline,
        options,
        new DigestStream.StreamStart(W0, new SavedParts.Restore(Set.of(), List.of())),
        W0);

    assertEquals(before, contents(dir));
    List<String> composites = new ArrayList<>();
    pipeline.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
            composites.add(node.getFullName());
            return CompositeBehavior.ENTER_TRANSFORM;
          }
        });
    assertTrue(
        composites.containsAll(List.of("ReadNewObjects", "RestoreSavedParts")),
        composites.toString());
  }

  @Test
  void takingOverAFolderWithoutAResumePointClearsItAndStoresTheFirstWindow() throws IOException {
    StreamOptions options = options();
    Path folder = dir.resolve("digests/stream");
    Files.createDirectories(folder.resolve("parts"));
    Files.writeString(folder.resolve("parts/stray-part"), "a part of a stream whose state is gone");

    DigestStream.StreamStart start = DigestStream.takeOver(options, W0.plusSeconds(3600));

    assertEquals(W0, start.firstWindow());
    assertEquals(List.of(), start.restore().parts());
    assertEquals(Set.of("stream/state.json"), contents(dir.resolve("digests")).keySet());
  }

  private StreamOptions options() {
    StreamOptions options = PipelineOptionsFactory.as(StreamOptions.class);
    options.setFlowLogsBucket(dir.resolve("logs").toUri().toString());
    options.setStorageBucket(dir.resolve("digests").toUri() + "/");
    options.setStreamWindow(Duration.parse("PT5M"));
    options.setStreamLateness(Duration.parse("PT2M"));
    options.setStreamFrom(W0.toString());
    return options;
  }

  /** Every file under {@code root}, by its path relative to {@code root}, with its contents. */
  private static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }
}
