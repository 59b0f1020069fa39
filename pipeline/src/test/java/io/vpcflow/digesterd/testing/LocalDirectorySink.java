package io.vpcflow.digesterd.testing;

import io.vpcflow.digesterd.sample.ObjectSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes objects as files under a directory, keys as relative paths. */
public final class LocalDirectorySink implements ObjectSink {
  private final Path root;

  public LocalDirectorySink(Path root) {
    this.root = root;
  }

  @Override
  public void put(String key, byte[] bytes) throws IOException {
    Path file = root.resolve(key);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}
