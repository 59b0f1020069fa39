package io.vpcflow.digesterd.config;

import java.net.URI;
import java.util.Optional;

/**
 * How to reach S3: region, an optional S3-compatible endpoint, and where credentials come from.
 * Never printed with its secrets: {@link #toString()} masks them.
 *
 * @param region the region clients sign for ({@code AWS_REGION}, {@code AWS_DEFAULT_REGION})
 * @param endpoint an S3-compatible endpoint ({@code AWS_ENDPOINT_URL_S3}, {@code
 *     AWS_ENDPOINT_URL}); path-style addressing is used with it
 * @param accessKeyId static credentials ({@code AWS_ACCESS_KEY_ID}), or empty
 * @param secretAccessKey static credentials ({@code AWS_SECRET_ACCESS_KEY}), or empty
 * @param sessionToken static credentials ({@code AWS_SESSION_TOKEN}), or empty
 * @param credentialsProfile a profile of the shared credentials file ({@code
 *     AWS_CREDENTIALS_PROFILE}), or empty
 * @param credentialsFile the shared credentials file to read profiles from ({@code
 *     AWS_CREDENTIALS_FILE}), or empty for the SDK's default
 * @param useIam whether to use the default chain, including the instance or task role, even when
 *     static credentials are set ({@code USE_IAM})
 * @param flowLogsRole a role to assume for the pipeline's S3 access ({@code VPC_FLOW_LOGS_ROLE})
 * @param s3Client retries and timeouts of every S3 request
 */
public record AwsSettings(
    String region,
    Optional<URI> endpoint,
    Optional<String> accessKeyId,
    Optional<String> secretAccessKey,
    Optional<String> sessionToken,
    Optional<String> credentialsProfile,
    Optional<String> credentialsFile,
    boolean useIam,
    Optional<String> flowLogsRole,
    S3ClientSettings s3Client) {

  @Override
  public String toString() {
    return "AwsSettings{region="
        + region
        + ", endpoint="
        + endpoint.map(URI::toString).orElse("(aws)")
        + ", credentials="
        + (useIam
            ? "iam"
            : accessKeyId.isPresent()
                ? "static(****)"
                : credentialsProfile.map(p -> "profile " + p).orElse("default chain"))
        + credentialsFile.map(f -> ", credentials file " + f).orElse("")
        + flowLogsRole.map(r -> ", role=" + r).orElse("")
        + "}";
  }
}
