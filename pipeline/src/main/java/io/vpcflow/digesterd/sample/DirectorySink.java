package io.vpcflow.digesterd.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes objects as files under a directory, keys as relative paths. */
public final class DirectorySink implements ObjectSink {
  private final Path root;

  public DirectorySink(Path root) {
    this.root = root;
  }

  @Override
  public void put(String key, byte[] bytes) throws IOException {
    Path file = root.resolve(key);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}
