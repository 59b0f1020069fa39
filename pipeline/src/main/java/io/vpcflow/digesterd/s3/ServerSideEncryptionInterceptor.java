package io.vpcflow.digesterd.s3;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Gives every write of a client (PutObject, CreateMultipartUpload, CopyObject) the configured
 * server-side encryption when the request does not name one itself: Beam's own writes already carry
 * {@link org.apache.beam.sdk.io.aws2.options.S3Options#getSSEAlgorithm()}; this covers the writes
 * of the service's clients (markers, sample data) made from the same options.
 */
final class ServerSideEncryptionInterceptor implements ExecutionInterceptor {
  private final String algorithm;
  private final String kmsKeyId;

  /**
   * @param algorithm {@code AES256} or {@code aws:kms}
   * @param kmsKeyId the KMS key of {@code aws:kms}, or null
   */
  ServerSideEncryptionInterceptor(String algorithm, String kmsKeyId) {
    this.algorithm = algorithm;
    this.kmsKeyId = kmsKeyId;
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (request instanceof PutObjectRequest r && r.serverSideEncryptionAsString() == null) {
      return r.toBuilder().serverSideEncryption(algorithm).ssekmsKeyId(kmsKeyId).build();
    }
    if (request instanceof CreateMultipartUploadRequest r
        && r.serverSideEncryptionAsString() == null) {
      return r.toBuilder().serverSideEncryption(algorithm).ssekmsKeyId(kmsKeyId).build();
    }
    if (request instanceof CopyObjectRequest r && r.serverSideEncryptionAsString() == null) {
      return r.toBuilder().serverSideEncryption(algorithm).ssekmsKeyId(kmsKeyId).build();
    }
    return request;
  }
}
