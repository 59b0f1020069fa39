package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.s3.S3ObjectSink;
import java.io.IOException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes each object with one {@code PutObject} request ({@link S3ObjectSink}), which S3 applies
 * whole or not at all; the URI is {@code <scheme>://bucket/key} with any scheme. Owns its client
 * and closes it.
 */
final class S3ObjectPut implements ObjectPut {
  private final S3Client client;

  S3ObjectPut(S3Client client) {
    this.client = client;
  }

  @Override
  public void put(String uri, byte[] bytes) throws IOException {
    int scheme = uri.indexOf("://");
    int slash = scheme < 0 ? -1 : uri.indexOf('/', scheme + 3);
    if (slash < 0 || slash == uri.length() - 1) {
      throw new IllegalArgumentException("not an object URI <scheme>://bucket/key: " + uri);
    }
    new S3ObjectSink(client, uri.substring(scheme + 3, slash), "")
        .put(uri.substring(slash + 1), bytes);
  }

  @Override
  public void close() {
    client.close();
  }
}
