package io.vpcflow.digesterd.s3;

import io.vpcflow.digesterd.sample.ObjectSink;
import java.io.IOException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** Puts objects into one S3 bucket under an optional key prefix. */
public final class S3ObjectSink implements ObjectSink {
  private final S3Client client;
  private final String bucket;
  private final String prefix;

  /** Writes to {@code bucket} with keys prefixed by {@code prefix} ({@code ""} for none). */
  public S3ObjectSink(S3Client client, String bucket, String prefix) {
    this.client = client;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  @Override
  public void put(String key, byte[] bytes) throws IOException {
    try {
      client.putObject(
          PutObjectRequest.builder().bucket(bucket).key(prefix + key).build(),
          RequestBody.fromBytes(bytes));
    } catch (SdkException e) {
      throw new IOException(
          "cannot put s3://" + bucket + "/" + prefix + key + ": " + e.getMessage(), e);
    }
  }
}
