package io.vpcflow.digesterd.layout;

import java.io.IOException;
import java.util.List;

/**
 * One level of a delimiter listing ({@code /}) of an object store: the objects directly under a
 * prefix and the sub-folders below it. Implemented on S3 and on local directories.
 */
public interface ObjectListing {
  /**
   * Lists one level under {@code prefix} (a key prefix ending in {@code /}, relative to the store's
   * root).
   *
   * @throws IOException when the store cannot be listed
   */
  Level list(String prefix) throws IOException;

  /** The Beam resource name of an object key: {@code s3://bucket/key} or a local path. */
  String uriOf(String key);

  /**
   * One listed level.
   *
   * @param objects objects directly under the prefix
   * @param folders the full prefixes of the sub-folders, each ending in {@code /}
   */
  record Level(List<ListedObject> objects, List<String> folders) {}

  /**
   * A listed object.
   *
   * @param key the key relative to the store's root
   * @param size the size in bytes
   */
  record ListedObject(String key, long size) {}
}
