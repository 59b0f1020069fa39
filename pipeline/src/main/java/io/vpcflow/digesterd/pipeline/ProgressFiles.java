package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.report.ShardProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * The progress files of a run whose workers live in other JVMs: one small object per shard under a
 * directory URI ({@link DigestOptions#getProgressLocation()}), holding that shard's {@link
 * ShardProgress} text, overwritten as the shard advances.
 */
final class ProgressFiles {
  private ProgressFiles() {}

  /** {@code location} as a directory URI (ending in {@code /}). */
  static String directory(String location) {
    return location.endsWith("/") ? location : location + "/";
  }

  /** Writes (or overwrites) the progress of shard {@code shard}. */
  static void write(String location, String shard, ShardProgress progress) throws IOException {
    ResourceId file = FileSystems.matchNewResource(directory(location) + shard, false);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(file, MimeTypes.TEXT))) {
      out.write(progress.text().getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * The progress of every shard that has written one, by file name. A file that cannot be parsed
   * (caught while being written) is left out.
   */
  static Map<String, ShardProgress> read(String location) throws IOException {
    Map<String, ShardProgress> shards = new LinkedHashMap<>();
    for (ResourceId file : files(location)) {
      try (InputStream in = Channels.newInputStream(FileSystems.open(file))) {
        shards.put(
            file.getFilename(),
            ShardProgress.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IllegalArgumentException | java.io.FileNotFoundException e) {
        // Mid-write or just deleted: the next reading has it.
      }
    }
    return shards;
  }

  /** Deletes the run's progress files. */
  static void delete(String location) throws IOException {
    FileSystems.delete(files(location), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  private static List<ResourceId> files(String location) throws IOException {
    return BeamFiles.match(directory(location) + "*");
  }
}
