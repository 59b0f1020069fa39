package io.vpcflow.digesterd.digest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The identity of one digest line, as upstream: {@code version account-id interface-id srcaddr
 * dstaddr srcport dstport protocol action log-status}, ports already normalised (see {@link
 * PortNormalisation}), absent values as {@code -}. Held as the space-separated UTF-8 text of those
 * ten fields, which is compact, cheap to hash and directly printable. Immutable.
 */
public final class DigestKey implements Comparable<DigestKey> {
  /** Number of fields of a key. */
  public static final int FIELDS = 10;

  private final byte[] text;
  private int hash;

  private DigestKey(byte[] text) {
    this.text = text;
  }

  /**
   * The key whose text is {@code text}: ten fields separated by single spaces.
   *
   * @throws IllegalArgumentException when the text does not have ten non-empty fields
   */
  public static DigestKey ofText(byte[] text) {
    byte[] copy = text.clone();
    if (!hasTenFields(copy, copy.length)) {
      throw new IllegalArgumentException(
          "a digest key has ten space-separated fields: '"
              + new String(copy, StandardCharsets.UTF_8)
              + "'");
    }
    return new DigestKey(copy);
  }

  /** The key of the given field values; {@code null} prints as {@code -}. */
  public static DigestKey of(
      String version,
      String accountId,
      String interfaceId,
      String srcaddr,
      String dstaddr,
      Integer srcport,
      Integer dstport,
      Integer protocol,
      String action,
      String logStatus) {
    String text =
        String.join(
            " ",
            orDash(version),
            orDash(accountId),
            orDash(interfaceId),
            orDash(srcaddr),
            orDash(dstaddr),
            orDash(srcport),
            orDash(dstport),
            orDash(protocol),
            orDash(action),
            orDash(logStatus));
    return ofText(text.getBytes(StandardCharsets.UTF_8));
  }

  static DigestKey wrap(byte[] ownedText) {
    return new DigestKey(ownedText);
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }

  private static boolean hasTenFields(byte[] text, int length) {
    int fields = 1;
    int fieldLength = 0;
    for (int i = 0; i < length; i++) {
      if (text[i] == ' ') {
        if (fieldLength == 0) {
          return false;
        }
        fields++;
        fieldLength = 0;
      } else {
        fieldLength++;
      }
    }
    return fields == FIELDS && fieldLength > 0;
  }

  int length() {
    return text.length;
  }

  /** Writes {@code length} bytes of the key's text from {@code from} to {@code out}. */
  void writeTo(java.io.OutputStream out, int from, int length) throws java.io.IOException {
    out.write(text, from, length);
  }

  byte byteAt(int i) {
    return text[i];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DigestKey && Arrays.equals(((DigestKey) other).text, text);
  }

  /** The hash of the text, computed on first use (keys read from runs are rarely hashed). */
  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(text);
      hash = h;
    }
    return h;
  }

  @Override
  public int compareTo(DigestKey other) {
    return Arrays.compareUnsigned(text, other.text);
  }

  /** Compares this key's text with {@code text} as unsigned bytes. */
  public int compareTo(byte[] text) {
    return Arrays.compareUnsigned(this.text, text);
  }

  /** A copy of the key's text. */
  public byte[] text() {
    return text.clone();
  }

  @Override
  public String toString() {
    return new String(text, StandardCharsets.UTF_8);
  }
}
