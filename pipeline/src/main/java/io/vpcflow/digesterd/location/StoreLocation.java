package io.vpcflow.digesterd.location;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Pattern;

/**
 * A place holding objects: an S3 bucket with an optional key prefix, or a local directory laid out
 * the same way. Parsed from a bucket name ({@code my-bucket}), an S3 URI ({@code
 * s3://my-bucket/some/prefix}) or a file URI ({@code file:///var/flowlogs}). Immutable.
 */
public final class StoreLocation implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  private final boolean s3;
  private final String bucket;
  private final String directory;
  private final String keyPrefix;

  private StoreLocation(boolean s3, String bucket, String directory, String keyPrefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.directory = directory;
    this.keyPrefix = keyPrefix;
  }

  /**
   * Parses a location.
   *
   * @throws IllegalArgumentException with a message fit for the user when it is none of the
   *     accepted forms
   */
  public static StoreLocation parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("is empty");
    }
    String text = value.trim();
    if (text.startsWith("file:")) {
      try {
        Path dir = Paths.get(new URI(text)).toAbsolutePath().normalize();
        return new StoreLocation(false, null, dir.toString(), "");
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "is not a valid file URI (like file:///var/flowlogs): " + text);
      }
    }
    if (text.startsWith("s3://")) {
      String rest = text.substring("s3://".length());
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      String prefix = slash < 0 ? "" : rest.substring(slash + 1);
      return new StoreLocation(true, checkBucket(bucket, text), null, normalisePrefix(prefix));
    }
    if (text.contains(":") || text.contains("/")) {
      throw new IllegalArgumentException(
          "is neither a bucket name, an s3:// URI nor a file:// URI: " + text);
    }
    return new StoreLocation(true, checkBucket(text, text), null, "");
  }

  private static String checkBucket(String bucket, String text) {
    if (!BUCKET.matcher(bucket).matches()) {
      throw new IllegalArgumentException("names an invalid S3 bucket '" + bucket + "': " + text);
    }
    return bucket;
  }

  /** {@code prefix} with a trailing {@code /} (or empty), never starting with {@code /}. */
  public static String normalisePrefix(String prefix) {
    String p = prefix == null ? "" : prefix.trim();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    return p.isEmpty() || p.endsWith("/") ? p : p + "/";
  }

  /** This location with {@code extraPrefix} appended to its key prefix. */
  public StoreLocation withPrefix(String extraPrefix) {
    return new StoreLocation(s3, bucket, directory, keyPrefix + normalisePrefix(extraPrefix));
  }

  /** Whether this is an S3 location (else a local directory). */
  public boolean isS3() {
    return s3;
  }

  /** The bucket, for S3 locations. */
  public String bucket() {
    return bucket;
  }

  /** The local directory, for file locations. */
  public Path directory() {
    return Paths.get(directory);
  }

  /** The key prefix inside the bucket or directory ({@code ""} or ending in {@code /}). */
  public String keyPrefix() {
    return keyPrefix;
  }

  /**
   * The Beam resource name of the object with the given key (relative to the bucket or directory
   * root): {@code s3://bucket/key}, or an absolute local path.
   */
  public String uriOf(String key) {
    if (s3) {
      return "s3://" + bucket + "/" + key;
    }
    return Paths.get(directory).resolve(key).toString();
  }

  /** The Beam resource name of {@code name} under this location's prefix. */
  public String resolve(String name) {
    return uriOf(keyPrefix + name);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoreLocation && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return s3 ? "s3://" + bucket + "/" + keyPrefix : Paths.get(directory).toUri() + keyPrefix;
  }
}
