package io.vpcflow.digesterd.s3;

import java.time.Duration;
import org.apache.beam.sdk.io.aws2.options.S3ClientBuilderFactory;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.aws2.s3.DefaultS3ClientBuilderFactory;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Makes every S3 client of the service from Beam's {@link S3Options} (region, endpoint,
 * credentials, HTTP settings). With a custom endpoint (s3proxy, MinIO, ...) it forces path-style
 * addressing, which Beam never enables itself; it retries as {@link S3Retries} says, with the
 * attempts of {@link S3RetryOptions}; against AWS it allows cross-region access so
 * buckets in other regions than the configured one are reachable. It leaves the bucket-key
 * setting of writes to the bucket (see {@link BucketKeyHeaderInterceptor}), and gives every write
 * the options' server-side encryption ({@code --SSEAlgorithm}, {@code --SSEKMSKeyId}; see {@link
 * ServerSideEncryptionInterceptor}). Set it as Beam's {@code --s3ClientFactoryClass} so that
 * pipeline reads and writes use the same clients.
 */
public final class S3ClientFactory implements S3ClientBuilderFactory {

  @Override
  public S3ClientBuilder createBuilder(S3Options options) {
    S3ClientBuilder builder = new DefaultS3ClientBuilderFactory().createBuilder(options);
    S3RetryOptions retry = options.as(S3RetryOptions.class);
    ClientOverrideConfiguration.Builder config =
        builder.overrideConfiguration().toBuilder()
            .addExecutionInterceptor(new BucketKeyHeaderInterceptor())
            .retryStrategy(S3Retries.strategy(retry.getS3MaxAttempts(), Duration.ofMillis(retry.getS3MaxBackoffMillis())));
    if (options.getSSEAlgorithm() != null) {
      config.addExecutionInterceptor(new ServerSideEncryptionInterceptor(options.getSSEAlgorithm(), options.getSSEKMSKeyId()));
    }
    builder.overrideConfiguration(config.build());
    if (options.getEndpoint() != null) {
      builder.forcePathStyle(true);
    } else {
      builder.crossRegionAccessEnabled(true);
    }
    return builder;
  }

  /** A ready client for the given options. */
  public static S3Client client(S3Options options) {
    return new S3ClientFactory().createBuilder(options).build();
  }
}
