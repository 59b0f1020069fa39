package io.vpcflow.digesterd.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A bucket in memory, listed one level at a time with delimiter {@code /} like S3: the objects
 * directly under a prefix and the prefixes of the sub-folders. Remembers the prefixes listed.
 */
final class InMemoryListing implements ObjectListing {
  private final TreeMap<String, Long> objects = new TreeMap<>();
  private final List<String> listed = new ArrayList<>();

  /** Adds an object of {@code size} bytes under {@code key}. */
  InMemoryListing put(String key, long size) {
    objects.put(key, size);
    return this;
  }

  @Override
  public Level list(String prefix) {
    listed.add(prefix);
    List<ListedObject> found = new ArrayList<>();
    TreeSet<String> folders = new TreeSet<>();
    for (Map.Entry<String, Long> object : objects.tailMap(prefix, true).entrySet()) {
      String key = object.getKey();
      if (!key.startsWith(prefix)) {
        break;
      }
      int slash = key.indexOf('/', prefix.length());
      if (slash < 0) {
        found.add(new ListedObject(key, object.getValue()));
      } else {
        folders.add(key.substring(0, slash + 1));
      }
    }
    return new Level(found, List.copyOf(folders));
  }

  @Override
  public String uriOf(String key) {
    return "s3://flow-logs/" + key;
  }

  /** The prefixes listed so far, in order. */
  List<String> listed() {
    return List.copyOf(listed);
  }
}
