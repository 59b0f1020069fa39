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
  private static byte[] compress(byte[] data, int threads, int block, int writeSize) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BlockGzipOutputStream gzip = new BlockGzipOutputStream(out, threads, block)) {
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
}
