package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.digest.RunDescriptor;
import io.vpcflow.digesterd.digest.RunFile;
import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.s3.BucketPurpose;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * The temporary objects of one run, all in one directory of their own: the runs that shards spill
 * and the parts that ranges merge into. Named without I/O; {@link #deleteAll()} removes them when
 * the run ends, however it ends.
 */
final class SpillFiles implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The folder under the storage location that holds runs' temporary objects by default. */
  static final String STORAGE_FOLDER = ".digesterd-tmp/";

  private static final int WRITE_BUFFER_BYTES = 1 << 16;

  private final String directory;

  private SpillFiles(String directory) {
    this.directory = directory;
  }

  /**
   * The temporary directory of run {@code runToken}: under {@code --spillLocation}, else the local
   * temporary directory on the DirectRunner, else {@code --tempLocation}, else {@link
   * #STORAGE_FOLDER} under the storage location. S3 locations are reached as the bucket that holds
   * them ({@link StoreUris#resourceName}).
   */
  static SpillFiles of(DigestOptions options, String runToken) {
    String root = options.getSpillLocation();
    if (root == null || root.isBlank()) {
      String temp = options.as(PipelineOptions.class).getTempLocation();
      if (DirectRunner.class.isAssignableFrom(options.getRunner())) {
        root = localTemp();
      } else if (temp != null && !temp.isBlank()) {
        root = temp;
      } else {
        root = StoreLocation.parse(options.getStorageBucket()).resolve(STORAGE_FOLDER);
      }
    }
    String dir = StoreUris.resourceName(options, directoryOf(root.trim()));
    return new SpillFiles(dir + "run-" + runToken + "/");
  }

  private static String localTemp() {
    return Paths.get(System.getProperty("java.io.tmpdir"), "vpcflow-digesterd-spill").toString();
  }

  private static String directoryOf(String root) {
    String dir =
        root.startsWith("file://") ? Paths.get(java.net.URI.create(root)).toString() : root;
    return dir.endsWith("/") ? dir : dir + "/";
  }

  /** Writes {@code table} as a new run file in the directory and describes it. */
  RunDescriptor writeRun(DigestTable table) throws IOException {
    String name = directory + UUID.randomUUID() + ".run";
    ResourceId file = FileSystems.matchNewResource(name, false);
    RunFile.Written written;
    try (OutputStream out =
        new BufferedOutputStream(
            Channels.newOutputStream(FileSystems.create(file, MimeTypes.BINARY)),
            WRITE_BUFFER_BYTES)) {
      written = RunFile.write(table, out);
    } catch (IOException e) {
      throw new IOException(
          "cannot write a sorted run under "
              + display()
              + " (DIGEST_SPILL_LOCATION, --spillLocation: a writable "
              + "directory with room for about the window's keys times 60 bytes): "
              + BucketPurpose.display(e.getMessage()),
          e);
    }
    return new RunDescriptor(name, written.bytes(), written.keys(), written.samples());
  }

  /** Deletes the given runs (of a shard that starts over). */
  static void delete(List<RunDescriptor> runs) throws IOException {
    List<ResourceId> files = new ArrayList<>();
    for (RunDescriptor run : runs) {
      files.add(FileSystems.matchNewResource(run.location(), false));
    }
    FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /** The resource name of the merged part of key range {@code range}. */
  String part(int range) {
    return directory + String.format("part-%05d.gz", range);
  }

  /** Whether the objects are in the storage bucket (so S3 can copy parts into the digest). */
  boolean inStorageBucket() {
    return BucketPurpose.STORAGE.holds(directory);
  }

  /** The directory's resource name, as users are shown it. */
  String display() {
    return BucketPurpose.display(directory);
  }

  /** Deletes every temporary object of the run (and, when local, its directory). */
  void deleteAll() throws IOException {
    FileSystems.delete(
        BeamFiles.match(directory + "*"), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    if (!directory.contains("://")) {
      Path dir = Paths.get(directory);
      Files.deleteIfExists(dir);
    }
  }

  /** The directory's resource name (ending in {@code /}). */
  String directory() {
    return directory;
  }
}
