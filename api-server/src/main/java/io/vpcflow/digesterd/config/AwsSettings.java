package io.vpcflow.digesterd.config;

import io.vpcflow.digesterd.s3.BucketPurpose;
import java.net.URI;
import java.util.Optional;

/**
 * How to reach S3: the base region, an optional S3-compatible endpoint, where the base credentials
 * come from, and how each bucket is reached (its own region and optional role). Never printed with
 * its secrets: {@link #toString()} masks them.
 *
 * @param region the base region ({@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, {@code
 *     us-east-1}): the region of a bucket without its own, and the one roles are assumed in
 * @param endpoint an S3-compatible endpoint ({@code AWS_ENDPOINT_URL_S3}, {@code
 *     AWS_ENDPOINT_URL}); path-style addressing is used with it
 * @param stsEndpoint the STS endpoint roles are assumed at ({@code AWS_ENDPOINT_URL_STS}, {@code
 *     AWS_ENDPOINT_URL}), or empty for AWS's
 * @param accessKeyId static credentials ({@code AWS_ACCESS_KEY_ID}), or empty
 * @param secretAccessKey static credentials ({@code AWS_SECRET_ACCESS_KEY}), or empty
 * @param sessionToken static credentials ({@code AWS_SESSION_TOKEN}), or empty
 * @param credentialsProfile a profile of the shared credentials file ({@code
 *     AWS_CREDENTIALS_PROFILE}), or empty
 * @param credentialsFile the shared credentials file to read profiles from ({@code
 *     AWS_CREDENTIALS_FILE}), or empty for the SDK's default
 * @param useIam whether to use the default chain, including the instance or task role, even when
 *     static credentials are set ({@code USE_IAM})
 * @param flowLogs the flow-log bucket's region and role ({@code VPC_FLOW_LOGS_REGION}, {@code
 *     VPC_FLOW_LOGS_ROLE})
 * @param storage the storage bucket's ({@code DIGEST_STORAGE_REGION}, {@code DIGEST_STORAGE_ROLE})
 * @param progress the progress bucket's ({@code DIGEST_PROGRESS_REGION}, {@code
 *     DIGEST_PROGRESS_ROLE})
 * @param s3Client retries and timeouts of every S3 request
 */
public record AwsSettings(
    String region,
    Optional<URI> endpoint,
    Optional<URI> stsEndpoint,
    Optional<String> accessKeyId,
    Optional<String> secretAccessKey,
    Optional<String> sessionToken,
    Optional<String> credentialsProfile,
    Optional<String> credentialsFile,
    boolean useIam,
    BucketAccess flowLogs,
    BucketAccess storage,
    BucketAccess progress,
    S3ClientSettings s3Client) {

  /** How {@code bucket} is reached. */
  public BucketAccess access(BucketPurpose bucket) {
    return switch (bucket) {
      case FLOW_LOGS -> flowLogs;
      case STORAGE -> storage;
      case PROGRESS -> progress;
    };
  }

  @Override
  public String toString() {
    StringBuilder text =
        new StringBuilder("AwsSettings{region=")
            .append(region)
            .append(", endpoint=")
            .append(endpoint.map(URI::toString).orElse("(aws)"))
            .append(", credentials=")
            .append(
                useIam
                    ? "iam"
                    : accessKeyId.isPresent()
                        ? "static(****)"
                        : credentialsProfile.map(p -> "profile " + p).orElse("default chain"))
            .append(credentialsFile.map(f -> ", credentials file " + f).orElse(""));
    stsEndpoint.ifPresent(e -> text.append(", sts=").append(e));
    for (BucketPurpose bucket : BucketPurpose.values()) {
      BucketAccess access = access(bucket);
      text.append(", ")
          .append(bucket.name().toLowerCase(java.util.Locale.ROOT))
          .append("=")
          .append(access.region());
      access.role().ifPresent(r -> text.append(" as ").append(r));
    }
    return text.append("}").toString();
  }
}
