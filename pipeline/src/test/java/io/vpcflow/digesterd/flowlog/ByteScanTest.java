package io.vpcflow.digesterd.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteScanTest {
  /** Bytes a text is made of: the value looked for, its neighbours, controls, high bytes. */
  private static final byte[] ALPHABET = {
    ' ', '\t', '\n', 0x0b, 0x09, '\r', 0, 1, 0x7f, (byte) 0x80, (byte) 0x8a, (byte) 0xff, 'a', '0'
  };

  @Test
  void findsEachLineEndOfAText() {
    byte[] text = "first line\nsecond, longer line\n\nlast".getBytes(StandardCharsets.US_ASCII);

    assertEquals(10, ByteScan.indexOf(text, 0, text.length, (byte) '\n'));
    assertEquals(30, ByteScan.indexOf(text, 11, text.length, (byte) '\n'));
    assertEquals(31, ByteScan.indexOf(text, 31, text.length, (byte) '\n'));
    assertEquals(text.length, ByteScan.indexOf(text, 32, text.length, (byte) '\n'));
    assertEquals(20, ByteScan.indexOf(text, 11, 20, (byte) '\n'));
  }

  /**
   * Against a byte-at-a-time scan on random ranges at random offsets, framed by the value looked
   * for, so that reading a byte outside the range changes the answer.
   */
  @Test
  void agreesWithAByteAtATimeScanOnRandomRanges() {
    Random random = new Random(20261206);
    for (int round = 0; round < 20_000; round++) {
      byte value = ALPHABET[random.nextInt(ALPHABET.length)];
      int length = random.nextInt(70);
      int from = random.nextInt(9);
      int to = from + length;
      byte[] bytes = new byte[to + random.nextInt(9)];
      Arrays.fill(bytes, value);
      for (int i = from; i < to; i++) {
        byte b = ALPHABET[random.nextInt(ALPHABET.length)];
        bytes[i] = b == value && random.nextInt(4) > 0 ? (byte) 'x' : b;
      }

      assertEquals(
          referenceIndexOf(bytes, from, to, value),
          ByteScan.indexOf(bytes, from, to, value),
          () -> "value " + value + " in " + Arrays.toString(Arrays.copyOfRange(bytes, from, to)));
    }
  }

  private static int referenceIndexOf(byte[] bytes, int from, int to, byte value) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return to;
  }
}
