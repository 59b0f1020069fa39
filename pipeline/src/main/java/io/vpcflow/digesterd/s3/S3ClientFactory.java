package io.vpcflow.digesterd.s3;

import java.net.URI;
import java.time.Duration;
import org.apache.beam.sdk.io.aws2.options.S3ClientBuilderFactory;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.aws2.s3.DefaultS3ClientBuilderFactory;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Makes every S3 client of the service from Beam's {@link S3Options} (endpoint, base credentials,
 * HTTP settings) and the {@link BucketAccessOptions} of the bucket the client is for: it signs for
 * that bucket's region and, when the bucket has a role, with the role's temporary credentials (STS
 * AssumeRole with the base credentials, at {@code --stsEndpoint} if set). With a custom endpoint
 * (s3proxy, MinIO, ...) it forces path-style addressing, which Beam never enables itself; it
 * retries as {@link S3Retries} says, with the attempts of {@link S3RetryOptions}; against AWS it
 * allows cross-region access so buckets in other regions than the configured one are reachable. It
 * leaves the bucket-key setting of writes to the bucket (see {@link BucketKeyHeaderInterceptor}),
 * and gives every write the options' server-side encryption ({@code --SSEAlgorithm}, {@code
 * --SSEKMSKeyId}; see {@link ServerSideEncryptionInterceptor}).
 *
 * <p>Set it as Beam's {@code --s3ClientFactoryClass} so that pipeline reads and writes use the same
 * clients: Beam's {@code s3} filesystem then gets the {@link BucketPurpose#FLOW_LOGS flow-log}
 * bucket's client, and {@link BucketSchemeRegistrar} the storage and progress buckets'.
 */
public final class S3ClientFactory implements S3ClientBuilderFactory {

  /** The builder of the flow-log bucket's clients (what Beam's {@code s3} filesystem uses). */
  @Override
  public S3ClientBuilder createBuilder(S3Options options) {
    return lazyBuilder(options, BucketPurpose.FLOW_LOGS);
  }

  /**
   * Like {@link #builder}, made when first used: for Beam's filesystems, which make one for every
   * scheme when a pipeline starts, also when the run never reaches S3.
   */
  static S3ClientBuilder lazyBuilder(S3Options options, BucketPurpose bucket) {
    return LazyS3ClientBuilder.of(() -> builder(options, bucket));
  }

  /** A builder of clients of {@code bucket}: its region and role, the options' other settings. */
  public static S3ClientBuilder builder(S3Options options, BucketPurpose bucket) {
    S3ClientBuilder builder = new DefaultS3ClientBuilderFactory().createBuilder(options);
    S3RetryOptions retry = options.as(S3RetryOptions.class);
    ClientOverrideConfiguration.Builder config =
        builder.overrideConfiguration().toBuilder()
            .addExecutionInterceptor(new BucketKeyHeaderInterceptor())
            .retryStrategy(
                S3Retries.strategy(
                    retry.getS3MaxAttempts(), Duration.ofMillis(retry.getS3MaxBackoffMillis())));
    if (options.getSSEAlgorithm() != null) {
      config.addExecutionInterceptor(
          new ServerSideEncryptionInterceptor(options.getSSEAlgorithm(), options.getSSEKMSKeyId()));
    }
    builder.overrideConfiguration(config.build());
    if (options.getEndpoint() != null) {
      builder.forcePathStyle(true);
    } else {
      builder.crossRegionAccessEnabled(true);
    }
    BucketAccessOptions access = options.as(BucketAccessOptions.class);
    Region region = bucket.region(access);
    if (region != null) {
      builder.region(region);
    }
    bucket
        .role(access)
        .ifPresent(
            role ->
                builder.credentialsProvider(
                    new AssumedRoleCredentials(
                        role,
                        "vpcflow-digesterd-"
                            + bucket.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        options.getAwsCredentialsProvider(),
                        options.getAwsRegion(),
                        access.getStsEndpoint().isBlank()
                            ? null
                            : URI.create(access.getStsEndpoint().trim()))));
    return builder;
  }

  /**
   * Makes Beam's S3 filesystem use this factory, unless the options chose another one than Beam's
   * default.
   */
  public static void useInBeam(S3Options options) {
    if (options.getS3ClientFactoryClass() == DefaultS3ClientBuilderFactory.class) {
      options.setS3ClientFactoryClass(S3ClientFactory.class);
    }
  }

  /** A ready client of the flow-log bucket for the given options. */
  public static S3Client client(S3Options options) {
    return client(options, BucketPurpose.FLOW_LOGS);
  }

  /** A ready client of {@code bucket} for the given options. */
  public static S3Client client(S3Options options, BucketPurpose bucket) {
    return builder(options, bucket).build();
  }
}
