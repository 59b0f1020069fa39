package io.vpcflow.digesterd.view;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Small hand-written digests for the view tests. */
final class Digests {
  private Digests() {}

  /** A reader of {@code lines} (each ended by a newline), gzip'd as stored. */
  static DigestReader of(String... lines) {
    try {
      return new DigestReader(source(lines).open());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A digest of {@code lines} (each ended by a newline), gzip'd as stored, that opens any number of
   * times.
   */
  static DigestSource source(String... lines) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
        for (String line : lines) {
          gz.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
      byte[] gzip = bytes.toByteArray();
      return () -> new ByteArrayInputStream(gzip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A reader of {@code lines} as plain text. */
  static DigestReader plain(String... lines) throws IOException {
    String text = lines.length == 0 ? "" : String.join("\n", lines) + "\n";
    return new DigestReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** One line with the given fields and fixed times and status. */
  static String line(
      String src,
      String dst,
      int srcPort,
      int dstPort,
      int protocol,
      long packets,
      long bytes,
      String action) {
    return "2 123456789010 eni-abc123de "
        + src
        + " "
        + dst
        + " "
        + srcPort
        + " "
        + dstPort
        + " "
        + protocol
        + " "
        + packets
        + " "
        + bytes
        + " 1418530010 1418530070 "
        + action
        + " OK";
  }
}
