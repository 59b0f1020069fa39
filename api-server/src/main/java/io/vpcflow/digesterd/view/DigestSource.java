package io.vpcflow.digesterd.view;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stored digest that can be opened more than once (gzip'd or plain); each stream is closed by its
 * reader.
 */
@FunctionalInterface
public interface DigestSource {
  /** A new stream of the digest, from its first byte. */
  InputStream open() throws IOException;
}
