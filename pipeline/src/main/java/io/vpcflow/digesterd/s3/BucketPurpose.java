package io.vpcflow.digesterd.s3;

import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * The three buckets the service touches, each reached with its own region and, optionally, its own
 * IAM role ({@link BucketAccessOptions}).
 *
 * <p>Inside Beam every bucket is reached through the FileSystems API, which picks one S3 client per
 * URI scheme. So that digests and progress files are written with the storage and progress buckets'
 * clients, those two buckets have schemes of their own ({@link #scheme()}, registered by {@link
 * BucketSchemeRegistrar}); flow logs keep Beam's {@code s3} scheme. These schemes are resource
 * names for Beam only: everything users see (summaries, the API, logs, messages) shows {@code
 * s3://} URIs ({@link #display(String)}), and every configured location is an {@code s3://} URI
 * ({@link #resourceName(String)} makes the Beam name where an object is opened).
 *
 * <p>Why schemes: an AWS SDK client signs every request for one region with one set of credentials,
 * and Beam's S3 filesystem holds one client per scheme. A single client switching region and
 * credentials per bucket (per-request overrides in an interceptor) would bypass the SDK's own
 * endpoint and region handling; one filesystem per bucket, registered through Beam's public
 * extension point ({@code S3FileSystemSchemeRegistrar}) and built from the pipeline options, gives
 * each bucket an ordinary client in every JVM of a run, Flink workers included.
 */
public enum BucketPurpose {
  /** Where the flow logs are ({@code VPC_FLOW_LOGS_*}): Beam's own {@code s3} scheme. */
  FLOW_LOGS("s3"),
  /** Where digests and their summaries go ({@code DIGEST_STORAGE_*}). */
  STORAGE("s3+storage"),
  /** Where markers, progress files and the stream's resume point go ({@code DIGEST_PROGRESS_*}). */
  PROGRESS("s3+progress");

  private static final String S3 = "s3://";

  private final String scheme;

  BucketPurpose(String scheme) {
    this.scheme = scheme;
  }

  /** The URI scheme under which Beam's FileSystems reach this bucket with its own client. */
  public String scheme() {
    return scheme;
  }

  /**
   * The Beam resource name of {@code uri} for this bucket: an {@code s3://bucket/key} URI with this
   * bucket's scheme; anything else (local paths, {@code file://}) unchanged.
   */
  public String resourceName(String uri) {
    return uri.startsWith(S3) ? scheme + uri.substring("s3".length()) : uri;
  }

  /**
   * The bucket a Beam resource name is in: by its scheme ({@code s3} or a bucket's own, {@link
   * #scheme()}); empty for anything else (local paths, {@code file://}).
   */
  public static Optional<BucketPurpose> ofResourceName(String resourceName) {
    for (BucketPurpose bucket : values()) {
      if (bucket.holds(resourceName)) {
        return Optional.of(bucket);
      }
    }
    return Optional.empty();
  }

  /** Whether the Beam resource name {@code resourceName} is in this bucket (has its scheme). */
  public boolean holds(String resourceName) {
    return resourceName.startsWith(scheme + "://");
  }

  /**
   * {@code text} (a resource name, a message, a log line) with every bucket scheme written as
   * {@code s3://}: what users are shown.
   */
  public static String display(String text) {
    if (text == null) {
      return null;
    }
    String shown = text;
    for (BucketPurpose purpose : values()) {
      if (purpose != FLOW_LOGS) {
        shown = shown.replace(purpose.scheme + "://", S3);
      }
    }
    return shown;
  }

  /**
   * The region this bucket's requests are signed for: its own ({@code --flowLogsRegion}, {@code
   * --storageRegion}, {@code --progressRegion}), else {@code --awsRegion} (null when that is unset
   * too: the SDK's region chain decides).
   */
  public Region region(BucketAccessOptions options) {
    String own =
        switch (this) {
          case FLOW_LOGS -> options.getFlowLogsRegion();
          case STORAGE -> options.getStorageRegion();
          case PROGRESS -> options.getProgressRegion();
        };
    return own == null || own.isBlank() ? options.getAwsRegion() : Region.of(own.trim());
  }

  /**
   * The ARN of the IAM role assumed for this bucket ({@code --flowLogsRole}, {@code --storageRole},
   * {@code --progressRole}); empty: the base credentials ({@code --awsCredentialsProvider}) are
   * used as they are.
   */
  public Optional<String> role(BucketAccessOptions options) {
    String role =
        switch (this) {
          case FLOW_LOGS -> options.getFlowLogsRole();
          case STORAGE -> options.getStorageRole();
          case PROGRESS -> options.getProgressRole();
        };
    return role == null || role.isBlank() ? Optional.empty() : Optional.of(role.trim());
  }
}
