package io.vpcflow.digesterd.digest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The id of a digest, as upstream: a name-based UUID version 5 (SHA-1, RFC 4122) in the namespace
 * {@code UUIDv5(nil, "digest")} over the window's start and stop rendered like Go's {@code
 * Time.String()} in UTC ({@code 2006-01-02 15:04:05 +0000 UTC}) and concatenated.
 */
public final class DigestId {
  /** {@code UUIDv5(00000000-0000-0000-0000-000000000000, "digest")}. */
  public static final UUID NAMESPACE = uuidV5(new UUID(0, 0), "digest");

  private static final DateTimeFormatter GO_TIME_STRING =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000 UTC'").withZone(ZoneOffset.UTC);

  private DigestId() {}

  /** The id of the window {@code [start, stop)}; both already truncated to the minute. */
  public static UUID of(Instant start, Instant stop) {
    return uuidV5(NAMESPACE, GO_TIME_STRING.format(start) + GO_TIME_STRING.format(stop));
  }

  /** A version 5 UUID of {@code name} (UTF-8) in {@code namespace}. */
  static UUID uuidV5(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-1", e);
    }
    ByteBuffer ns = ByteBuffer.allocate(16);
    ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
    sha1.update(ns.array());
    byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bits.getLong(), bits.getLong());
  }
}
