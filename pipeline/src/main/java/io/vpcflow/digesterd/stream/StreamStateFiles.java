package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.pipeline.BundleObjects;
import io.vpcflow.digesterd.pipeline.SmallObjects;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.util.CoderUtils;

/**
 * The stream's parts and read records ({@link SavedParts}) in its folder ({@code s3://} or a local
 * directory), written, read, listed and deleted with the {@link SmallObjects} of that folder. Every
 * file is written whole or not at all (one {@code PutObject} in a bucket).
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

  /** The objects of this folder, for a DoFn ({@link BundleObjects}). */
  BundleObjects bundleObjects() {
    return new BundleObjects(folder);
  }

  /**
   * Saves {@code part} of {@code batch} with {@code objects} (overwriting the same part of an
   * earlier read of the same batch).
   */
  void writePart(SmallObjects objects, SavedParts.Batch batch, WindowPart part) throws IOException {
    objects.put(
        folder + batch.partName(part.windowStart()),
        CoderUtils.encodeToByteArray(WindowPartCoder.of(), part));
  }

  /** Records with {@code objects} that the objects of {@code batch} were read (after its parts). */
  void writeRead(SmallObjects objects, SavedParts.Batch batch) throws IOException {
    objects.put(folder + batch.readName(), batch.readContent());
  }

  /**
   * The keys held by each of the read records {@code fileNames} (in {@link SavedParts#READ}), read
   * with {@code objects}; records gone in the meantime are left out.
   */
  Map<String, List<String>> readRecords(SmallObjects objects, Collection<String> fileNames)
      throws IOException {
    Map<String, List<String>> records = new LinkedHashMap<>();
    for (String name : fileNames) {
      Optional<byte[]> content = objects.get(folder + SavedParts.READ + name);
      if (content.isPresent()) {
        records.put(name, SavedParts.keysOf(content.get()));
      }
    }
    return records;
  }

  /**
   * The part saved as {@code name} (under the folder), read with {@code objects}, or empty when it
   * is gone.
   */
  Optional<WindowPart> readPart(SmallObjects objects, String name) throws IOException {
    Optional<byte[]> bytes = objects.get(folder + name);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(CoderUtils.decodeFromByteArray(WindowPartCoder.of(), bytes.get()));
  }

  /**
   * The file names in the sub-folder {@code sub} ({@link SavedParts#PARTS} or {@link
   * SavedParts#READ}), listed with {@code objects}.
   */
  List<String> fileNames(SmallObjects objects, String sub) throws IOException {
    return objects.fileNames(folder + sub);
  }

  /** Deletes with {@code objects} the parts of the window starting at {@code window}. */
  void deleteWindowParts(SmallObjects objects, long window) throws IOException {
    delete(objects, namesStartingWith(objects, SavedParts.windowPartsPrefix(window)));
  }

  /** Deletes {@code names} (under the folder) with {@code objects}; missing ones are ignored. */
  void delete(SmallObjects objects, Collection<String> names) throws IOException {
    List<String> uris = new ArrayList<>();
    for (String name : names) {
      uris.add(folder + name);
    }
    objects.delete(uris);
  }

  /** Deletes every part and read record with {@code objects}. */
  void clear(SmallObjects objects) throws IOException {
    List<String> names = new ArrayList<>(namesStartingWith(objects, SavedParts.PARTS));
    names.addAll(namesStartingWith(objects, SavedParts.READ));
    delete(objects, names);
  }

  /**
   * The names (under the folder) that begin with {@code prefix}, {@code <sub-folder>/} and the
   * start of a file name, listed with {@code objects}.
   */
  private List<String> namesStartingWith(SmallObjects objects, String prefix) throws IOException {
    String sub = prefix.substring(0, prefix.lastIndexOf('/') + 1);
    List<String> names = new ArrayList<>();
    for (String name : objects.fileNames(folder + prefix)) {
      names.add(sub + name);
    }
    return names;
  }
}
