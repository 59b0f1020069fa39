package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.pipeline.BeamFiles;
import io.vpcflow.digesterd.pipeline.BundlePut;
import io.vpcflow.digesterd.pipeline.ObjectPut;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.CoderUtils;

/**
 * The stream's parts and read records ({@link SavedParts}) in its folder, through Beam's
 * filesystems ({@code s3://} or a local directory). Every file is written whole or not at all
 * ({@link ObjectPut}: one {@code PutObject} in a bucket).
 */
final class StreamStateFiles implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String folder;

  /**
   * @param folder the stream's folder, a URI ending in {@code /}
   */
  StreamStateFiles(String folder) {
    this.folder = folder;
  }

  /** The writer of parts and read records into this folder, for a DoFn ({@link BundlePut}). */
  BundlePut bundlePut() {
    return new BundlePut(folder);
  }

  /**
   * Saves {@code part} with {@code put} (overwriting the same part of an earlier read of its
   * object).
   */
  void writePart(ObjectPut put, WindowPart part) throws IOException {
    put.put(
        folder + SavedParts.partName(part.windowStart(), part.objectKey()),
        CoderUtils.encodeToByteArray(WindowPartCoder.of(), part));
  }

  /**
   * Records with {@code put} that the object {@code key} stamped {@code stamp} was read (after its
   * parts).
   */
  void writeRead(ObjectPut put, String key, Instant stamp) throws IOException {
    put.put(folder + SavedParts.readName(stamp, key), key.getBytes(StandardCharsets.UTF_8));
  }

  /** The part saved as {@code name} (under the folder), or empty when it is gone. */
  Optional<WindowPart> readPart(String name) throws IOException {
    Optional<byte[]> bytes = BeamFiles.read(folder + name);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(CoderUtils.decodeFromByteArray(WindowPartCoder.of(), bytes.get()));
  }

  /**
   * The file names in the sub-folder {@code sub} ({@link SavedParts#PARTS} or {@link
   * SavedParts#READ}).
   */
  List<String> fileNames(String sub) throws IOException {
    List<String> names = new ArrayList<>();
    for (ResourceId file : BeamFiles.match(folder + sub + "*")) {
      names.add(file.getFilename());
    }
    return names;
  }

  /** Deletes the parts of the window starting at {@code window}. */
  void deleteWindowParts(long window) throws IOException {
    FileSystems.delete(
        BeamFiles.match(folder + SavedParts.windowPartsPrefix(window) + "*"),
        MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /** Deletes {@code names} (under the folder); missing ones are ignored. */
  void delete(Collection<String> names) throws IOException {
    List<ResourceId> ids = new ArrayList<>();
    for (String name : names) {
      ids.add(FileSystems.matchNewResource(folder + name, false));
    }
    FileSystems.delete(ids, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /** Deletes every part and read record. */
  void clear() throws IOException {
    List<ResourceId> ids = new ArrayList<>(BeamFiles.match(folder + SavedParts.PARTS + "*"));
    ids.addAll(BeamFiles.match(folder + SavedParts.READ + "*"));
    FileSystems.delete(ids, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }
}
