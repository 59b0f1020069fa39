package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.s3.S3ObjectName;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import java.io.IOException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes each object with one {@code PutObject} request ({@link S3ObjectSink}), which S3 applies
 * whole or not at all; the URI is {@code <scheme>://bucket/key} with any scheme ({@link
 * S3ObjectName}). Owns its client and closes it.
 */
final class S3ObjectPut implements ObjectPut {
  private final S3Client client;

  S3ObjectPut(S3Client client) {
    this.client = client;
  }

  @Override
  public void put(String uri, byte[] bytes) throws IOException {
    S3ObjectName name = S3ObjectName.of(uri);
    new S3ObjectSink(client, name.bucket(), "").put(name.key(), bytes);
  }

  @Override
  public void close() {
    client.close();
  }
}
