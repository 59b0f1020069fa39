package io.vpcflow.digesterd.flowlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteScanTest {
  /** Bytes a line is made of: separators, other controls, ASCII, bytes above 0x7f. */
  private static final byte[] ALPHABET = {
    ' ', ' ', '\t', '\n', '\r', 0, 1, 0x1f, 0x21, '-', '0', '9', 'a', 0x7f, (byte) 0x80, (byte) 0xff
  };

  @Test
  void splitsAFlowLogLineIntoItsFields() {
    byte[] line =
        "  2 123456789012\teni-0a1b2c3d 10.0.1.5 10.0.2.7 443 49152 6 10 840 1714521600 1714521660 ACCEPT OK  "
            .getBytes(StandardCharsets.US_ASCII);
    int[] starts = new int[20];
    int[] ends = new int[20];

    int fields = ByteScan.split(line, 0, line.length, starts, ends, 20);

    assertEquals(14, fields);
    assertEquals("2", field(line, starts, ends, 0));
    assertEquals("123456789012", field(line, starts, ends, 1));
    assertEquals("1714521660", field(line, starts, ends, 11));
    assertEquals("OK", field(line, starts, ends, 13));
  }

  @Test
  void moreFieldsThanTheMaximumAreCountedAsOneMore() {
    byte[] line = "a b c d e f g h i j".getBytes(StandardCharsets.US_ASCII);
    assertEquals(5, ByteScan.split(line, 0, line.length, new int[4], new int[4], 4));
    assertEquals(10, ByteScan.split(line, 0, line.length, new int[10], new int[10], 10));
  }

  /**
   * Against a byte-at-a-time reference on random lines at random offsets, with bytes around the
   * range that would change every answer if they were read.
   */
  @Test
  void agreesWithAByteAtATimeScanOnRandomRanges() {
    Random random = new Random(20261206);
    for (int round = 0; round < 20_000; round++) {
      int length = random.nextInt(70);
      int from = random.nextInt(9);
      byte[] bytes = new byte[from + length + random.nextInt(9)];
      Arrays.fill(bytes, (byte) 0x80);
      for (int i = from; i < from + length; i++) {
        bytes[i] = ALPHABET[random.nextInt(ALPHABET.length)];
      }
      int to = from + length;
      int max = 1 + random.nextInt(40);
      String context =
          "round " + round + ": " + Arrays.toString(Arrays.copyOfRange(bytes, from, to));

      int[] starts = new int[max];
      int[] ends = new int[max];
      int[] expectedStarts = new int[max];
      int[] expectedEnds = new int[max];
      int fields = ByteScan.split(bytes, from, to, starts, ends, max);
      int expected = referenceSplit(bytes, from, to, expectedStarts, expectedEnds, max);
      assertEquals(expected, fields, context);
      if (fields <= max) {
        assertArrayEquals(
            Arrays.copyOf(expectedStarts, fields), Arrays.copyOf(starts, fields), context);
        assertArrayEquals(
            Arrays.copyOf(expectedEnds, fields), Arrays.copyOf(ends, fields), context);
      }
      for (byte value : new byte[] {'\n', ' ', (byte) 0x80}) {
        assertEquals(
            referenceIndexOf(bytes, from, to, value),
            ByteScan.indexOf(bytes, from, to, value),
            context);
      }
      boolean high = false;
      for (int i = from; i < to; i++) {
        high |= bytes[i] < 0;
      }
      assertEquals(high, ByteScan.anyAboveAscii(bytes, from, to), context);
    }
  }

  private static int referenceSplit(
      byte[] line, int from, int to, int[] starts, int[] ends, int max) {
    int fields = 0;
    int i = from;
    while (i < to) {
      while (i < to && (line[i] == ' ' || line[i] == '\t')) {
        i++;
      }
      if (i == to) {
        break;
      }
      int start = i;
      while (i < to && line[i] != ' ' && line[i] != '\t') {
        i++;
      }
      if (fields == max) {
        return max + 1;
      }
      starts[fields] = start;
      ends[fields] = i;
      fields++;
    }
    return fields;
  }

  private static int referenceIndexOf(byte[] bytes, int from, int to, byte value) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return to;
  }

  private static String field(byte[] line, int[] starts, int[] ends, int k) {
    return new String(line, starts[k], ends[k] - starts[k], StandardCharsets.US_ASCII);
  }
}
