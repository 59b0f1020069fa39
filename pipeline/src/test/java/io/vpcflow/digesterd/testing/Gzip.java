package io.vpcflow.digesterd.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Gzip helpers for tests. */
public final class Gzip {
  private Gzip() {}

  public static byte[] gzip(String text) {
    return gzip(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code data} as one GZIP member. */
  public static byte[] gzip(byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * {@code gz}, one member, with FEXTRA, FNAME, FCOMMENT and FHCRC set in its header: an extra
   * field of three bytes at offset 10, then "n\0", "c\0" and the header's CRC16 at offset 19.
   */
  public static byte[] withOptionalFields(byte[] gz) {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    header.write(gz, 0, 10);
    header.writeBytes(new byte[] {3, 0, 'e', 'x', 't', 'n', 0, 'c', 0});
    byte[] fields = header.toByteArray();
    fields[3] = (byte) (4 | 8 | 16 | 2);
    CRC32 crc = new CRC32();
    crc.update(fields);
    int crc16 = (int) crc.getValue() & 0xffff;
    return Bytes.concat(
        fields,
        new byte[] {(byte) crc16, (byte) (crc16 >>> 8)},
        Arrays.copyOfRange(gz, 10, gz.length));
  }

  public static String gunzip(byte[] gz) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
