package io.vpcflow.digesterd.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRangesTest {
  private static DigestKey key(int host) {
    return DigestKey.ofText(
        ("2 1 eni-a 10.0." + (host / 100) + "." + (host % 100) + " 10.1.0.1 0 443 6 ACCEPT OK")
            .getBytes(StandardCharsets.UTF_8));
  }

  private static RunDescriptor run(int from, int to, int step) {
    List<DigestKey> samples = new ArrayList<>();
    List<DigestKey> all = new ArrayList<>();
    for (int h = from; h < to; h++) {
      all.add(key(h));
    }
    all.sort(DigestKey::compareTo);
    for (int i = 0; i < all.size(); i += step) {
      samples.add(all.get(i));
    }
    return new RunDescriptor("r", 0, all.size(), samples);
  }

  private static int countIn(List<byte[]> boundaries, int range, int from, int to) {
    byte[] low = KeyRanges.low(boundaries, range);
    byte[] high = KeyRanges.high(boundaries, range);
    int n = 0;
    for (int h = from; h < to; h++) {
      DigestKey k = key(h);
      if ((low == null || k.compareTo(low) >= 0) && (high == null || k.compareTo(high) < 0)) {
        n++;
      }
    }
    return n;
  }

  @Test
  void rangesAreAboutEqualAscendingAndDistinct() {
    List<RunDescriptor> runs = List.of(run(0, 5000, 80), run(2000, 9000, 110));
    List<byte[]> boundaries = KeyRanges.boundaries(runs, 8);
    assertEquals(7, boundaries.size());
    for (int i = 1; i < boundaries.size(); i++) {
      assertTrue(Arrays.compareUnsigned(boundaries.get(i - 1), boundaries.get(i)) < 0);
    }
    int total = 0;
    for (int r = 0; r < 8; r++) {
      int n = countIn(boundaries, r, 0, 9000);
      assertTrue(n > 9000 / 8 / 2 && n < 9000 / 8 * 2, "range " + r + " holds " + n);
      total += n;
    }
    assertEquals(9000, total);
  }

  @Test
  void oneRangeNoRunsOrTooFewSamples() {
    assertEquals(List.of(), KeyRanges.boundaries(List.of(run(0, 100, 10)), 1));
    assertEquals(List.of(), KeyRanges.boundaries(List.of(), 5));
    assertEquals(
        List.of(), KeyRanges.boundaries(List.of(new RunDescriptor("e", 0, 0, List.of())), 5));
    assertTrue(KeyRanges.boundaries(List.of(run(0, 3, 1)), 50).size() <= 2);
    assertThrows(IllegalArgumentException.class, () -> KeyRanges.boundaries(List.of(), 0));
  }

  @Test
  void rangeCountFollowsTheRequestElseSizeAndParallelism() {
    assertEquals(5, KeyRanges.count(5, 2, 1L << 40, 1 << 20));
    assertEquals(2, KeyRanges.count(0, 2, 1000, 1 << 20));
    assertEquals(10, KeyRanges.count(0, 2, 10L << 20, 1 << 20));
    assertEquals(KeyRanges.MAX_RANGES, KeyRanges.count(0, 2, 1L << 50, 1 << 20));
    assertEquals(1, KeyRanges.count(0, 0, 0, 1 << 20));
  }
}
