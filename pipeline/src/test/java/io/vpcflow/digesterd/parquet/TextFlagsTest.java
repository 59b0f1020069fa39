package io.vpcflow.digesterd.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextFlagsTest {
  @Test
  void everyByteAtEveryPlaceOfAValueGivesItsFlags() {
    for (int length = 1; length <= 19; length++) {
      for (int at = 0; at < length; at++) {
        for (int b = 0; b < 256; b++) {
          byte[] value = new byte[length + 6];
          Arrays.fill(value, (byte) 'a');
          value[3 + at] = (byte) b;
          assertEquals(
              expected(value, 3, 3 + length),
              TextFlags.of(value, 3, 3 + length),
              "byte " + b + " at " + at + " of " + length);
        }
      }
    }
  }

  @Test
  void bytesOutsideTheValueAreNotLookedAt() {
    byte[] value = {' ', (byte) 0x80, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 0x7f, '\n'};
    assertEquals(0, TextFlags.of(value, 2, 11));
  }

  @Test
  void randomValuesGiveTheFlagsOfTheirBytes() {
    Random random = new Random(11);
    byte[] alphabet = {
      'a', '0', '.', ':', '-', ' ', '\t', 0, 0x1f, 0x20, 0x21, 0x7e, 0x7f, -128, -1
    };
    for (int n = 0; n < 20_000; n++) {
      byte[] value = new byte[random.nextInt(40)];
      for (int i = 0; i < value.length; i++) {
        value[i] = random.nextInt(10) < 8 ? (byte) 'a' : alphabet[random.nextInt(alphabet.length)];
      }
      assertEquals(expected(value, 0, value.length), TextFlags.of(value, 0, value.length));
    }
  }

  /** One byte at a time: above 0x7f is HIGH; else up to a space, or DEL, is NOT_PRINTABLE. */
  private static byte expected(byte[] value, int from, int to) {
    byte flags = 0;
    for (int i = from; i < to; i++) {
      int b = value[i] & 0xff;
      if (b > 0x7f) {
        flags |= TextFlags.HIGH;
      } else if (b <= 0x20 || b == 0x7f) {
        flags |= TextFlags.NOT_PRINTABLE;
      }
    }
    return flags;
  }
}
