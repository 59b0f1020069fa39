package io.vpcflow.digesterd.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestLinesTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String s(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static List<byte[]> list(String... lines) {
    List<byte[]> out = new ArrayList<>();
    for (String line : lines) {
      out.add(b(line));
    }
    return out;
  }

  private static List<String> strings(List<byte[]> lines) {
    List<String> out = new ArrayList<>();
    for (byte[] line : lines) {
      out.add(s(line));
    }
    return out;
  }

  @Test
  void rendersTotalsBetweenProtocolAndAction() {
    DigestKey key =
        DigestKey.of(
            "2",
            "123456789010",
            "eni-1235b8ca123456789",
            "172.31.16.139",
            "172.31.16.21",
            0,
            22,
            6,
            "ACCEPT",
            "OK");
    assertEquals(
        "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 0 22 6 20 4249"
            + " 1418530010 1418530070 ACCEPT OK",
        s(DigestLines.render(key, new DigestTotals(20, 4249, 1418530010L, 1418530070L))));
  }

  @Test
  void rendersAbsentValuesAsDashes() {
    DigestKey key = DigestKey.of(null, null, null, "10.0.0.1", "::1", null, null, null, null, null);
    assertEquals(
        "- - - 10.0.0.1 ::1 - - - 7 700 1400000000 - - -",
        s(DigestLines.render(key, new DigestTotals(7, 700, 1400000000L, DigestTotals.ABSENT))));
    DigestKey tgw =
        DigestKey.of("6", "123456789012", null, "10.0.0.1", "10.0.1.1", 0, 443, 6, null, "OK");
    assertEquals(
        "6 123456789012 - 10.0.0.1 10.0.1.1 0 443 6 10 1000 1700000000 1700000060 - OK",
        s(DigestLines.render(tgw, new DigestTotals(10, 1000, 1700000000L, 1700000060L))));
  }

  @Test
  void rendersMultiByteKeyFields() {
    DigestKey key = DigestKey.of("2", "1", "eni-тест", "a", "b", 0, 80, 6, "ACCEPT", "OK");
    assertArrayEquals(
        b("2 1 eni-тест a b 0 80 6 1 2 3 4 ACCEPT OK"),
        DigestLines.render(key, new DigestTotals(1, 2, 3, 4)));
  }

  @Test
  void sortsAsUnsignedBytesLikeCLocaleSort() {
    List<byte[]> lines = list("b", "ж", "a", "9", "10", "B", "ab", "abc", "");
    DigestLines.sort(lines);
    assertEquals(List.of("", "10", "9", "B", "a", "ab", "abc", "b", "ж"), strings(lines));
    assertTrue(DigestLines.ORDER.compare(b("z"), b("é")) < 0);
    assertTrue(DigestLines.ORDER.compare(b("z 1"), b("z 1")) == 0);
  }

  @Test
  void numbersAreWrittenInDecimalWithATrailingSpace() {
    java.util.List<Long> values = new java.util.ArrayList<>();
    for (long v : new long[] {0, 9, 10, 99, 100, 101, 999, 1000, Integer.MAX_VALUE}) {
      values.add(v);
      values.add(v + 1);
    }
    values.add(Long.MAX_VALUE);
    values.add(999_999_999_999_999_999L);
    values.add(1_000_000_000_000_000_000L);
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 10_000; i++) {
      values.add(random.nextLong() >>> (1 + random.nextInt(63)));
    }
    byte[] buffer = new byte[30];
    for (long v : values) {
      int end = DigestLines.digits(v, buffer, 3);
      assertEquals(
          Long.toString(v) + " ",
          new String(buffer, 3, end - 3, java.nio.charset.StandardCharsets.US_ASCII));
    }
  }
}
