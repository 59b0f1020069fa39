package io.vpcflow.digesterd.sample;

import java.io.IOException;

/** Receives generated objects by key (relative to a bucket or directory root). */
@FunctionalInterface
public interface ObjectSink {
  /** Stores {@code bytes} under {@code key}, replacing any object there. */
  void put(String key, byte[] bytes) throws IOException;
}
