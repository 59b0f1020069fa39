package io.vpcflow.digesterd.http;

import io.vpcflow.digesterd.config.ApiToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks {@code Authorization} headers against the API token in constant time: both tokens are
 * hashed with SHA-256 and the hashes compared with {@link MessageDigest#isEqual}, so neither the
 * time taken nor the answer tells how much of a guess was right, or how long the token is.
 */
final class BearerAuth {
  private final byte[] expected;

  BearerAuth(ApiToken token) {
    this.expected = sha256(token.value());
  }

  /**
   * Whether {@code authorization} is {@code Bearer <token>} with the API's token (the scheme in any
   * case, as RFC 7235 allows).
   */
  boolean allows(String authorization) {
    if (authorization == null) {
      return false;
    }
    String header = authorization.strip();
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
      return false;
    }
    return MessageDigest.isEqual(expected, sha256(header.substring(space + 1).strip()));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
