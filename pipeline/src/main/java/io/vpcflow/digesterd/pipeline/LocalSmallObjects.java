package io.vpcflow.digesterd.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * {@link SmallObjects} on a local filesystem through Beam's {@link FileSystems}: each object is
 * written to a temporary file and renamed into place ({@link BeamFiles#writeAtomically}).
 */
final class LocalSmallObjects implements SmallObjects {
  @Override
  public void put(String uri, byte[] bytes) throws IOException {
    BeamFiles.writeAtomically(uri, out -> out.write(bytes));
  }

  @Override
  public Optional<byte[]> get(String uri) throws IOException {
    return BeamFiles.read(uri);
  }

  @Override
  public List<String> fileNames(String prefix) throws IOException {
    List<String> names = new ArrayList<>();
    for (ResourceId file : BeamFiles.match(prefix + "*")) {
      names.add(file.getFilename());
    }
    return names;
  }

  @Override
  public void delete(Collection<String> uris) throws IOException {
    List<ResourceId> ids = new ArrayList<>();
    for (String uri : uris) {
      ids.add(FileSystems.matchNewResource(uri, false));
    }
    FileSystems.delete(ids, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  @Override
  public void close() {}
}
