package io.vpcflow.digesterd.report;

/**
 * An object that contributed nothing to a digest, and why.
 *
 * @param key the object's key
 * @param reason a stable kebab-case reason ({@code empty-object}, {@code unrecognised-name}, {@code
 *     corrupt-object}, {@code format-lacks-fields})
 * @param detail a human-readable explanation, may be empty
 */
public record SkippedObject(String key, String reason, String detail)
    implements java.io.Serializable {
  /** Reason of an object of 0 bytes. */
  public static final String EMPTY = "empty-object";

  /** Reason of a key that does not follow the AWS file-name rule. */
  public static final String UNRECOGNISED_NAME = "unrecognised-name";

  /** Reason of an object that cannot be decompressed or read to its end. */
  public static final String CORRUPT = "corrupt-object";

  /** Reason of an object whose format lacks fields the digest needs. */
  public static final String FORMAT_LACKS_FIELDS = "format-lacks-fields";
}
