package io.vpcflow.digesterd.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hybrid decoder reads what parquet-java's encoder writes, and refuses what no writer writes.
 */
class HybridDecoderTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 7, 8, 9, 13, 16, 17, 24, 31, 32})
  void readsWhatParquetJavaWritesAtEveryWidth(int bitWidth) throws Exception {
    Random random = new Random(bitWidth);
    int[] values = new int[5000];
    for (int i = 0; i < values.length; i++) {
      // Runs of repeats (RLE runs) between stretches of random values (bit-packed runs).
      boolean repeat = (i / 100) % 2 == 0;
      long bound = 1L << bitWidth;
      values[i] = repeat && i % 100 != 0 ? values[i - 1] : (int) (random.nextLong() & (bound - 1));
    }
    byte[] encoded = encode(values, bitWidth);
    byte[] padded = new byte[encoded.length + 6];
    System.arraycopy(encoded, 0, padded, 3, encoded.length);

    // Read in chunks of 1 to 300 values, so chunks begin and end inside runs and groups.
    HybridDecoder decoder = new HybridDecoder(padded, 3, 3 + encoded.length, bitWidth);
    int[] read = new int[values.length];
    for (int at = 0; at < values.length; ) {
      int chunk = Math.min(values.length - at, 1 + random.nextInt(300));
      int[] part = new int[chunk];
      decoder.read(part, chunk);
      System.arraycopy(part, 0, read, at, chunk);
      at += chunk;
    }
    assertArrayEquals(values, read);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 11, 16, 23, 32})
  void readsLongPackedRunsWithoutLookingPastTheRange(int bitWidth) throws Exception {
    Random random = new Random(-bitWidth);
    // Random values only, so parquet-java writes bit-packed runs of up to 504 values.
    int[] values = new int[808];
    for (int i = 0; i < values.length; i++) {
      values[i] = (int) (random.nextLong() & ((1L << bitWidth) - 1));
    }
    byte[] encoded = encode(values, bitWidth);
    // Bytes of all ones around the range: a read past either end would change values.
    byte[] framed = new byte[encoded.length + 16];
    Arrays.fill(framed, (byte) 0xff);
    System.arraycopy(encoded, 0, framed, 8, encoded.length);

    HybridDecoder decoder = new HybridDecoder(framed, 8, 8 + encoded.length, bitWidth);
    int[] read = new int[values.length];
    decoder.read(read, values.length);
    assertArrayEquals(values, read);
  }

  @Test
  void readsRepeatsAndPackedRunsWrittenByHand() throws Exception {
    // 5 x 3 (RLE, header 5<<1), then one packed group of 8 values 0..7 at width 3 (header 1<<1|1).
    byte[] data = {10, 3, 3, (byte) 0b10001000, (byte) 0b11000110, (byte) 0b11111010};
    HybridDecoder decoder = new HybridDecoder(data, 0, data.length, 3);
    for (int i = 0; i < 5; i++) {
      assertEquals(3, next(decoder));
    }
    for (int i = 0; i < 8; i++) {
      assertEquals(i, next(decoder));
    }
  }

  @Test
  void aShortLastPackedRunReadsMissingBitsAsZero() throws Exception {
    // A packed group of 8 two-bit values with only its first byte present: 1, 2, 3, 0, then zeros.
    byte[] data = {3, 0b00111001};
    HybridDecoder decoder = new HybridDecoder(data, 0, data.length, 2);
    int[] read = new int[8];
    decoder.read(read, 8);
    assertArrayEquals(new int[] {1, 2, 3, 0, 0, 0, 0, 0}, read);
  }

  @Test
  void aHugeRunHeaderAllocatesNothing() throws Exception {
    // A packed run claiming 2^31 groups: parquet-java would allocate an int per value.
    byte[] data = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 1};
    HybridDecoder decoder = new HybridDecoder(data, 0, data.length, 8);
    assertEquals(1, next(decoder));
    assertEquals(0, next(decoder));
  }

  @Test
  void refusesWhatNoWriterWrites() throws Exception {
    assertRefused(new byte[] {}, 0, 1, "ends early");
    assertRefused(new byte[] {4, 3}, 2, 2, "ends early");
    assertRefused(new byte[] {(byte) 0x80, (byte) 0x80}, 0, 1, "ends early");
    assertRefused(
        new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 1},
        0,
        1,
        "longer than 5 bytes");
    assertRefused(new byte[] {2}, 0, 9, "cut off");
    assertRefused(new byte[] {2, 8}, 0, 3, "wider than 3 bits");
    CorruptPageException wide =
        assertThrows(CorruptPageException.class, () -> new HybridDecoder(new byte[1], 0, 1, 33));
    assertTrue(wide.getMessage().contains("bit width of 33"), wide.getMessage());
  }

  private static int next(HybridDecoder decoder) throws CorruptPageException {
    int[] one = new int[1];
    decoder.read(one, 1);
    return one[0];
  }

  /** {@code values} as parquet-java's encoder writes them at {@code bitWidth}. */
  private static byte[] encode(int[] values, int bitWidth) throws Exception {
    try (RunLengthBitPackingHybridEncoder encoder =
        new RunLengthBitPackingHybridEncoder(
            bitWidth, 64, 1 << 20, new HeapByteBufferAllocator())) {
      for (int value : values) {
        encoder.writeInt(value);
      }
      return encoder.toBytes().toByteArray();
    }
  }

  private static void assertRefused(byte[] data, int reads, int bitWidth, String reason)
      throws Exception {
    HybridDecoder decoder = new HybridDecoder(data, 0, data.length, bitWidth);
    for (int i = 0; i < reads; i++) {
      next(decoder);
    }
    CorruptPageException e = assertThrows(CorruptPageException.class, () -> next(decoder));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
