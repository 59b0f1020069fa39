package io.vpcflow.digesterd.s3;

/**
 * The bucket and key of an object named by a Beam resource name {@code <scheme>://bucket/key}, with
 * any scheme ({@code s3} or a bucket's own, {@link BucketPurpose#scheme()}).
 */
public record S3ObjectName(String bucket, String key) {
  /**
   * The bucket and key of {@code resourceName}.
   *
   * @throws IllegalArgumentException when it is not {@code <scheme>://bucket/key} with a key
   */
  public static S3ObjectName of(String resourceName) {
    S3ObjectName name = prefixOf(resourceName);
    if (name.key().isEmpty()) {
      throw new IllegalArgumentException(
          "not an object's name <scheme>://bucket/key: " + resourceName);
    }
    return name;
  }

  /**
   * The bucket and key prefix of {@code resourceName}, {@code <scheme>://bucket/} followed by a
   * prefix of keys, possibly empty.
   *
   * @throws IllegalArgumentException when it is not {@code <scheme>://bucket/...}
   */
  public static S3ObjectName prefixOf(String resourceName) {
    int scheme = resourceName.indexOf("://");
    int slash = scheme < 0 ? -1 : resourceName.indexOf('/', scheme + 3);
    if (slash < 0) {
      throw new IllegalArgumentException(
          "not a bucket's name <scheme>://bucket/...: " + resourceName);
    }
    return new S3ObjectName(
        resourceName.substring(scheme + 3, slash), resourceName.substring(slash + 1));
  }
}
