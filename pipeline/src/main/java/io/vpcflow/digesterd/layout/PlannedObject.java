package io.vpcflow.digesterd.layout;

import java.time.Instant;

/**
 * A flow-log object chosen to be read for a window.
 *
 * @param uri the object's full URI ({@code s3://bucket/key} or {@code file:///path})
 * @param key the key relative to the store's root
 * @param size the size in bytes
 * @param timestamp the time stamp of its file name
 */
public record PlannedObject(String uri, String key, long size, Instant timestamp) {
  /** How the object is read: as Parquet when named {@code .log.parquet}, else as gzip'd text. */
  public ObjectFormat format() {
    return ObjectFormat.ofKey(key).orElse(ObjectFormat.TEXT);
  }
}
