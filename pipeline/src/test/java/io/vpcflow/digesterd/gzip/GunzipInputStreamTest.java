package io.vpcflow.digesterd.gzip;

import static io.vpcflow.digesterd.testing.Bytes.concat;
import static io.vpcflow.digesterd.testing.Gzip.gzip;
import static io.vpcflow.digesterd.testing.Gzip.withOptionalFields;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/**
 * Concatenated GZIP members come back whole, whatever the buffer and read sizes; data that does not
 * end exactly after a member (a member cut short anywhere, a damaged later member, trailing bytes)
 * is an error, never a quiet end where {@link GZIPInputStream} ends quietly.
 */
class GunzipInputStreamTest {
  private static final byte[] FIRST = lines("first", 2000);
  private static final byte[] SECOND = lines("second", 3000);

  @Test
  void readsEveryMemberWhateverTheBufferAndReadSizes() throws IOException {
    byte[] data = concat(gzip(FIRST), withOptionalFields(gzip(SECOND)), gzip(new byte[0]));
    byte[] expected = concat(FIRST, SECOND);
    for (int buffer : new int[] {1, 7, 64, 1 << 16}) {
      for (int chunk : new int[] {1, 13, 8192}) {
        assertArrayEquals(expected, readAll(data, buffer, chunk), buffer + "/" + chunk);
      }
    }
    try (InputStream jdk = new GZIPInputStream(new ByteArrayInputStream(data))) {
      assertArrayEquals(jdk.readAllBytes(), expected, "as the JDK reads it");
    }
  }

  @Test
  void readsASingleByteAtATimeAndEndsWithMinusOne() throws IOException {
    try (InputStream in =
        new GunzipInputStream(new ByteArrayInputStream(gzip("ab".getBytes())), 4)) {
      assertEquals('a', in.read());
      assertEquals('b', in.read());
      assertEquals(-1, in.read());
      assertEquals(-1, in.read(new byte[4], 0, 4));
    }
  }

  @Test
  void dataCutShortAnywhereButAtAMembersEndIsAnError() throws IOException {
    byte[] first = gzip("one record\n".getBytes(StandardCharsets.US_ASCII));
    byte[] data = concat(first, withOptionalFields(gzip("another\n".getBytes())));
    for (int cut = 0; cut < data.length; cut++) {
      byte[] prefix = Arrays.copyOf(data, cut);
      if (cut == first.length) {
        assertArrayEquals("one record\n".getBytes(), readAll(prefix, 16, 64));
        continue;
      }
      IOException e = assertThrows(IOException.class, () -> readAll(prefix, 16, 64), "cut " + cut);
      assertTrue(e instanceof EOFException, "cut " + cut + ": " + e);
    }
  }

  @Test
  void bytesAfterAMemberThatStartNoMemberAreAnError() throws IOException {
    byte[] first = gzip(FIRST);
    byte[] second = gzip(SECOND);
    byte[] brokenMagic = concat(first, second);
    brokenMagic[first.length] = 0;
    assertRefused(brokenMagic, ZipException.class, "the bytes after GZIP member 1 do not start");
    assertRefused(
        concat(first, new byte[100]), ZipException.class, "the bytes after GZIP member 1");
    assertRefused(
        concat(first, new byte[] {0x1f}), EOFException.class, "inside the header of GZIP member 2");
    byte[] otherMethod = concat(first, second);
    otherMethod[first.length + 2] = 7;
    assertRefused(otherMethod, ZipException.class, "unsupported compression method 7");
  }

  @Test
  void damagedMembersAreRefusedWithTheirReason() throws IOException {
    byte[] second = gzip(SECOND);
    byte[] badCrc = concat(gzip(FIRST), second);
    badCrc[badCrc.length - 8] ^= 1;
    assertRefused(badCrc, ZipException.class, "GZIP member 2 fails its CRC32 check");
    byte[] badLength = concat(gzip(FIRST), second);
    badLength[badLength.length - 4] ^= 1;
    assertRefused(badLength, ZipException.class, "member 2's trailer gives another length");
    byte[] corrupt = gzip(FIRST);
    corrupt[10] = (byte) 0xff;
    assertRefused(corrupt, ZipException.class, "corrupt GZIP member 1");
    byte[] badHeaderCrc = withOptionalFields(gzip(FIRST));
    badHeaderCrc[4] ^= 1;
    assertRefused(badHeaderCrc, ZipException.class, "header CRC");
    assertRefused(new byte[0], EOFException.class, "inside the header of GZIP member 1");
    assertRefused("not gzip".getBytes(), ZipException.class, "no GZIP magic");
  }

  @Test
  void aHeaderLongerThanIsReadIsRefused() {
    byte[] header = {0x1f, (byte) 0x8b, 8, 8, 0, 0, 0, 0, 0, 3};
    byte[] name = new byte[GunzipInputStream.MAX_HEADER_BYTES];
    Arrays.fill(name, (byte) 'n');
    assertRefused(concat(header, name), ZipException.class, "a GZIP member header of more than");
  }

  @Test
  void randomDamageIsNeverAQuietShortRead() throws IOException {
    byte[] good = concat(gzip(FIRST), gzip(SECOND));
    byte[] expected = concat(FIRST, SECOND);
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      byte[] damaged = good.clone();
      damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
      try {
        assertArrayEquals(expected, readAll(damaged, 4096, 8192), "read without an error");
      } catch (IOException e) {
        assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), e.toString());
      }
    }
  }

  private static void assertRefused(byte[] data, Class<? extends IOException> type, String reason) {
    IOException e = assertThrows(type, () -> readAll(data, 64, 8192));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  private static byte[] readAll(byte[] data, int bufferBytes, int chunk) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = new GunzipInputStream(new ByteArrayInputStream(data), bufferBytes)) {
      byte[] b = new byte[chunk];
      for (int n; (n = in.read(b, 0, chunk)) >= 0; ) {
        out.write(b, 0, n);
      }
    }
    return out.toByteArray();
  }

  private static byte[] lines(String prefix, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(prefix).append(' ').append(i * 7919 % 10007).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
