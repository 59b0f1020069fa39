package io.vpcflow.digesterd.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How one bucket is reached: the region its requests are signed for, and the IAM role assumed for
 * it (STS AssumeRole with the base credentials), if any.
 *
 * @param region the region ({@code <PREFIX>_BUCKET_REGION} as upstream names it, or {@code
 *     <PREFIX>_REGION}; else the base region {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, {@code
 *     us-east-1})
 * @param role the ARN of the role ({@code <PREFIX>_BUCKET_ROLE} or {@code <PREFIX>_ROLE}), or empty
 *     for the base credentials
 */
public record BucketAccess(String region, Optional<String> role) {
  /**
   * What an AWS region looks like: {@code us-east-1}, {@code us-gov-west-1}, {@code
   * eu-isoe-west-1}.
   */
  private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

  /** What any S3-compatible server's region may be (lowercase words joined by hyphens). */
  private static final Pattern ANY_REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** An IAM role ARN, with an optional path: {@code arn:aws:iam::123456789012:role/path/name}. */
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws(-[a-z]+)*:iam::[0-9]{12}:role/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");

  /** A bucket in {@code region} reached with the base credentials. */
  public static BucketAccess of(String region) {
    return new BucketAccess(region, Optional.empty());
  }

  /**
   * Reads {@code <prefix>_BUCKET_REGION} or {@code <prefix>_REGION}, and {@code
   * <prefix>_BUCKET_ROLE} or {@code <prefix>_ROLE} (both spellings set to different values is a
   * problem).
   *
   * @param baseRegion the region of a bucket without its own
   * @param customEndpoint whether S3 is an S3-compatible server (any region name), not AWS
   */
  static BucketAccess read(EnvReader in, String prefix, String baseRegion, boolean customEndpoint) {
    Optional<String> region =
        region(in, in.either(prefix + "_BUCKET_REGION", prefix + "_REGION"), customEndpoint);
    String roleVariable = in.either(prefix + "_BUCKET_ROLE", prefix + "_ROLE");
    Optional<String> role = in.optional(roleVariable);
    if (role.isPresent() && !ROLE_ARN.matcher(role.get()).matches()) {
      in.problem(
          roleVariable
              + " must be the ARN of an IAM role, like arn:aws:iam::123456789012:role/NAME, got '"
              + role.get()
              + "'");
      role = Optional.empty();
    }
    return new BucketAccess(region.orElse(baseRegion), role);
  }

  /** The region in {@code name}, if set and valid (else a problem is recorded). */
  static Optional<String> region(EnvReader in, String name, boolean customEndpoint) {
    Optional<String> region = in.optional(name);
    if (region.isEmpty()) {
      return region;
    }
    if (customEndpoint
        ? ANY_REGION.matcher(region.get()).matches()
        : AWS_REGION.matcher(region.get()).matches()) {
      return region;
    }
    in.problem(
        name
            + " must be "
            + (customEndpoint
                ? "a region name (lowercase letters, digits and hyphens)"
                : "an AWS region like eu-west-1")
            + ", got '"
            + region.get()
            + "'");
    return Optional.empty();
  }
}
