package io.vpcflow.digesterd.s3;

import java.util.List;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.aws2.s3.S3FileSystemConfiguration;
import org.apache.beam.sdk.io.aws2.s3.S3FileSystemSchemeRegistrar;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Registers Beam S3 filesystems for the {@link BucketPurpose#STORAGE storage} and {@link
 * BucketPurpose#PROGRESS progress} buckets' schemes, next to Beam's own {@code s3} (the flow logs),
 * each with a client of {@link S3ClientFactory#builder(S3Options, BucketPurpose)} (made when first
 * used): its own region and role, from the pipeline options every JVM of a run (the launcher, the
 * Flink workers) is given. Found by Beam's {@code S3FileSystemRegistrar} through {@link
 * java.util.ServiceLoader} ({@code META-INF/services}); the other settings (upload buffer,
 * encryption, thread pool) are those of Beam's {@code s3} filesystem.
 */
public final class BucketSchemeRegistrar implements S3FileSystemSchemeRegistrar {
  @Override
  public Iterable<S3FileSystemConfiguration> fromOptions(PipelineOptions options) {
    S3Options s3 = options.as(S3Options.class);
    return List.of(
        configuration(s3, BucketPurpose.STORAGE), configuration(s3, BucketPurpose.PROGRESS));
  }

  private static S3FileSystemConfiguration configuration(S3Options s3, BucketPurpose bucket) {
    return S3FileSystemConfiguration.builderFrom(s3)
        .setScheme(bucket.scheme())
        .setS3ClientBuilder(S3ClientFactory.lazyBuilder(s3, bucket))
        .build();
  }
}
