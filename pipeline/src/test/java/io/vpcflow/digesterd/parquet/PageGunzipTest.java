package io.vpcflow.digesterd.parquet;

import static io.vpcflow.digesterd.testing.Bytes.concat;
import static io.vpcflow.digesterd.testing.Gzip.gzip;
import static io.vpcflow.digesterd.testing.Gzip.withOptionalFields;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class PageGunzipTest {
  private final PageGunzip gunzip = new PageGunzip();
  private final byte[] buffer = new byte[(1 << 20) + 4096];

  @Test
  void givesBackWhatGzipHoldsWithOneInflaterForManyPages() throws IOException {
    Random random = new Random(7);
    for (int size : new int[] {1, 100, 8191, 8192, 65_537, 1 << 20}) {
      byte[] page = new byte[size];
      for (int i = 0; i < size; i++) {
        page[i] = (byte) ('a' + random.nextInt(random.nextBoolean() ? 3 : 26));
      }
      byte[] gz = gzip(page);
      byte[] framed = new byte[gz.length + 9];
      System.arraycopy(gz, 0, framed, 5, gz.length);
      assertArrayEquals(page, inflate(framed, 5, 5 + gz.length, size), "size " + size);
    }
  }

  @Test
  void readsConcatenatedMembersAndHeadersWithOptionalFields() throws IOException {
    byte[] first = "first member ".getBytes();
    byte[] second = "and a second".getBytes();
    byte[] both = concat(gzip(first), withOptionalFields(gzip(second)));
    assertArrayEquals(
        concat(first, second), inflate(both, 0, both.length, first.length + second.length));
  }

  @Test
  void ignoresBytesAfterTheLastMemberThatStartNoMember() throws IOException {
    byte[] page = "values".getBytes();
    byte[] gz = concat(gzip(page), new byte[] {0, 1, 2});
    assertArrayEquals(page, inflate(gz, 0, gz.length, page.length));
  }

  @Test
  void refusesPagesThatAreNotWhatTheirHeaderSays() throws IOException {
    byte[] page = new byte[5000];
    Arrays.fill(page, (byte) 'x');
    byte[] gz = gzip(page);
    assertRefused("fewer bytes", gz, page.length + 1);
    assertRefused("more bytes", gz, page.length - 1);
    assertRefused("more bytes", concat(gz, gzip(new byte[] {'y'})), page.length);
    assertRefused("truncated", Arrays.copyOf(gz, gz.length - 12), page.length);
    assertRefused("inside its trailer", Arrays.copyOf(gz, gz.length - 3), page.length);
    assertRefused("no GZIP magic", page, page.length);
    assertRefused("no GZIP magic", new byte[0], 0);

    byte[] badCrc = gz.clone();
    badCrc[gz.length - 8] ^= 1;
    assertRefused("CRC32", badCrc, page.length);
    byte[] badLength = gz.clone();
    badLength[gz.length - 4] ^= 1;
    assertRefused("length", badLength, page.length);
    byte[] badMethod = gz.clone();
    badMethod[2] = 7;
    assertRefused("compression method", badMethod, page.length);
    byte[] corrupt = gz.clone();
    corrupt[10] = (byte) 0xff;
    assertRefused("corrupt", corrupt, page.length);
    byte[] badHeaderCrc = withOptionalFields(gz);
    badHeaderCrc[4] ^= 1;
    assertRefused("header CRC", badHeaderCrc, page.length);
    byte[] cutHeader = Arrays.copyOf(withOptionalFields(gz), 14);
    assertRefused("inside its header", cutHeader, page.length);
    assertRefused("inside its header", concat(gz, new byte[] {0x1f}), page.length);
  }

  @Test
  void refusesAnArrayShorterThanThePage() throws IOException {
    byte[] gz = gzip(new byte[10]);
    assertThrows(
        IllegalArgumentException.class, () -> gunzip.gunzip(gz, 0, gz.length, new byte[9], 10));
  }

  @Test
  void stillReadsAfterARefusedPage() throws IOException {
    byte[] page = "after a failure".getBytes();
    byte[] gz = gzip(page);
    assertThrows(ZipException.class, () -> inflate(gz, 0, gz.length - 12, page.length));
    assertArrayEquals(page, inflate(gz, 0, gz.length, page.length));
  }

  /**
   * What {@code in[from, to)} inflates to when {@code size} bytes are asked for, inflated into an
   * array larger than the page whose bytes past {@code size} must stay as they were.
   */
  private byte[] inflate(byte[] in, int from, int to, int size) throws ZipException {
    Arrays.fill(buffer, (byte) 0x55);
    gunzip.gunzip(in, from, to, buffer, size);
    for (int i = size; i < buffer.length; i++) {
      assertEquals(0x55, buffer[i], "byte " + i + " past the page");
    }
    return Arrays.copyOf(buffer, size);
  }

  private void assertRefused(String reason, byte[] gz, int size) {
    ZipException e =
        assertThrows(ZipException.class, () -> inflate(gz, 0, gz.length, size), reason);
    assertTrue(e.getMessage().contains(reason), e.getMessage() + " should say " + reason);
  }
}
