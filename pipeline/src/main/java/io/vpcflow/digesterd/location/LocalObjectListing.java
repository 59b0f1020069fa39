package io.vpcflow.digesterd.location;

import io.vpcflow.digesterd.layout.ObjectListing;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Lists a local directory laid out like a bucket: keys are paths relative to the directory. */
public final class LocalObjectListing implements ObjectListing {
  private final Path root;

  /** Lists under {@code root}. */
  public LocalObjectListing(Path root) {
    this.root = root;
  }

  @Override
  public Level list(String prefix) throws IOException {
    Path dir = root.resolve(prefix);
    List<ListedObject> objects = new ArrayList<>();
    List<String> folders = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String key = prefix + entry.getFileName();
        if (Files.isDirectory(entry)) {
          folders.add(key + "/");
        } else if (Files.isRegularFile(entry)) {
          objects.add(new ListedObject(key, Files.size(entry)));
        }
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      return new Level(List.of(), List.of());
    }
    Collections.sort(folders);
    objects.sort(java.util.Comparator.comparing(ListedObject::key));
    return new Level(objects, folders);
  }

  @Override
  public String uriOf(String key) {
    return root.resolve(key).toString();
  }
}
