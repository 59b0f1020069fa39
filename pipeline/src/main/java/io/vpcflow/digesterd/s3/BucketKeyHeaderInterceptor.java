package io.vpcflow.digesterd.s3;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Drops an explicit "S3 bucket key disabled" from writes. Beam always sends {@code
 * x-amz-server-side-encryption-bucket-key-enabled: false}, which S3-compatible servers without
 * encryption (s3proxy's filesystem store) refuse with 501, and which on AWS overrides the bucket's
 * own default. Without it the bucket's default applies; an explicit {@code true} is kept.
 */
final class BucketKeyHeaderInterceptor implements ExecutionInterceptor {
  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (request instanceof CreateMultipartUploadRequest r
        && Boolean.FALSE.equals(r.bucketKeyEnabled())) {
      return r.toBuilder().bucketKeyEnabled((Boolean) null).build();
    }
    if (request instanceof PutObjectRequest r && Boolean.FALSE.equals(r.bucketKeyEnabled())) {
      return r.toBuilder().bucketKeyEnabled((Boolean) null).build();
    }
    if (request instanceof CopyObjectRequest r && Boolean.FALSE.equals(r.bucketKeyEnabled())) {
      return r.toBuilder().bucketKeyEnabled((Boolean) null).build();
    }
    return request;
  }
}
