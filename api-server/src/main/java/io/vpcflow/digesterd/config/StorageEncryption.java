package io.vpcflow.digesterd.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Server-side encryption of every object the service writes to S3 (digests, {@code <id>.json},
 * markers, progress files, sample data): {@code DIGEST_STORAGE_SSE} is {@code none} (the bucket's
 * default applies), {@code AES256} (SSE-S3) or {@code aws:kms} (SSE-KMS with {@code
 * DIGEST_STORAGE_KMS_KEY_ID}). Passed to Beam's S3 options and to the service's own S3 clients.
 *
 * @param algorithm the {@code x-amz-server-side-encryption} value, empty for none
 * @param kmsKeyId the KMS key of {@code aws:kms} (id, ARN or alias), empty otherwise
 */
public record StorageEncryption(Optional<String> algorithm, Optional<String> kmsKeyId) {
  /** SSE-S3. */
  public static final String AES256 = "AES256";

  /** SSE-KMS. */
  public static final String AWS_KMS = "aws:kms";

  /** No encryption asked for: the bucket's default applies. */
  public static StorageEncryption none() {
    return new StorageEncryption(Optional.empty(), Optional.empty());
  }

  static StorageEncryption read(EnvReader in) {
    String mode = in.string("DIGEST_STORAGE_SSE", "none");
    Optional<String> key = in.optional("DIGEST_STORAGE_KMS_KEY_ID");
    switch (mode.toLowerCase(Locale.ROOT)) {
      case "aws:kms" -> {
        if (key.isEmpty()) {
          in.problem("DIGEST_STORAGE_KMS_KEY_ID must be set when DIGEST_STORAGE_SSE is aws:kms");
        }
        return new StorageEncryption(Optional.of(AWS_KMS), key);
      }
      case "aes256", "none" -> {
        if (key.isPresent()) {
          in.problem(
              "DIGEST_STORAGE_KMS_KEY_ID is only used with DIGEST_STORAGE_SSE=aws:kms, which is not set");
        }
        return mode.equalsIgnoreCase("none")
            ? none()
            : new StorageEncryption(Optional.of(AES256), Optional.empty());
      }
      default -> {
        in.problem("DIGEST_STORAGE_SSE must be none, AES256 or aws:kms, got '" + mode + "'");
        return none();
      }
    }
  }
}
