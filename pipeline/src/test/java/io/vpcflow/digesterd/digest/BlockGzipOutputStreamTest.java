package io.vpcflow.digesterd.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class BlockGzipOutputStreamTest {
  private static byte[] compress(byte[] data, int threads, int block, int writeSize)
      throws IOException {
    return compress(data, threads, block, writeSize, BlockGzipOutputStream.DEFAULT_LEVEL);
  }

  private static byte[] compress(byte[] data, int threads, int block, int writeSize, int level)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BlockGzipOutputStream gzip = new BlockGzipOutputStream(out, threads, block, level)) {
      for (int off = 0; off < data.length; off += writeSize) {
        int n = Math.min(writeSize, data.length - off);
        if (n == 1) {
          gzip.write(data[off]);
        } else {
          gzip.write(data, off, n);
        }
      }
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  @Test
  void roundTripsAcrossManyBlocksAsOneGzipStream() throws IOException {
    byte[] data = new byte[250_000];
    Random random = new Random(1);
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) ('a' + random.nextInt(6));
    }
    byte[] gz = compress(data, 3, 10_000, 777);
    assertArrayEquals(data, gunzip(gz));
  }

  @Test
  void outputDependsOnlyOnInputAndBlockSize() throws IOException {
    byte[] data = new byte[100_003];
    new Random(2).nextBytes(data);
    byte[] one = compress(data, 1, 4096, 1);
    byte[] four = compress(data, 4, 4096, 65536);
    assertArrayEquals(one, four);
  }

  @Test
  void emptyInputIsAValidEmptyGzip() throws IOException {
    byte[] gz = compress(new byte[0], 2, 1024, 1);
    assertEquals(0, gunzip(gz).length);
  }

  @Test
  void inputOfExactlyOneBlockIsOneMember() throws IOException {
    byte[] data = new byte[4096];
    byte[] exact = compress(data, 2, 4096, 4096);
    assertArrayEquals(data, gunzip(exact));
    byte[] single = compress(data, 1, 1 << 20, 4096);
    assertEquals(single.length, exact.length);
  }

  @Test
  void theLevelIsHonouredAndRangeChecked() throws IOException {
    StringBuilder text = new StringBuilder();
    Random random = new Random(4);
    for (int i = 0; i < 20_000; i++) {
      text.append("2 123456789012 eni-")
          .append(random.nextInt(500))
          .append(" 10.0.")
          .append(random.nextInt(256))
          .append('.')
          .append(random.nextInt(256))
          .append(" 443 0 6\n");
    }
    byte[] data = text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] fast = compress(data, 2, 1 << 16, 8192, 1);
    byte[] best = compress(data, 2, 1 << 16, 8192, 9);
    byte[] stored = compress(data, 2, 1 << 16, 8192, 0);
    assertArrayEquals(data, gunzip(fast));
    assertArrayEquals(data, gunzip(best));
    org.junit.jupiter.api.Assertions.assertTrue(
        best.length < fast.length && fast.length < data.length && stored.length > data.length,
        "sizes: level 9 "
            + best.length
            + ", level 1 "
            + fast.length
            + ", level 0 "
            + stored.length);
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> new BlockGzipOutputStream(new ByteArrayOutputStream(), 1, 16, 10));
  }
}
