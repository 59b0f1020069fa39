package io.vpcflow.digesterd.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartPlanTest {
  private static final long MIN = 100;
  private static final long MAX = 1000;

  /** Checks S3's rules and that the parts cover every source byte once, in order. */
  private static void check(List<Long> sizes, List<MultipartPlan.Part> parts) {
    int source = 0;
    long at = 0;
    for (int i = 0; i < parts.size(); i++) {
      MultipartPlan.Part part = parts.get(i);
      assertTrue(part.length() <= MAX, "part " + i + " too large: " + part.length());
      if (i < parts.size() - 1) {
        assertTrue(
            part.length() >= MIN, "part " + i + " too small: " + part.length() + " of " + sizes);
      }
      if (!part.copy()) {
        assertTrue(part.length() <= MIN, "an uploaded part holds at most the minimum");
      } else {
        assertEquals(1, part.pieces().size());
      }
      for (MultipartPlan.Piece piece : part.pieces()) {
        while (source < sizes.size() && at == sizes.get(source)) {
          source++;
          at = 0;
        }
        assertEquals(source, piece.source());
        assertEquals(at, piece.from());
        assertTrue(piece.to() > piece.from());
        at = piece.to();
      }
    }
    while (source < sizes.size() && at == sizes.get(source)) {
      source++;
      at = 0;
    }
    assertEquals(sizes.size(), source, "every byte of every source is in a part");
  }

  @Test
  void smallPartsAreGatheredLargeOnesCopiedHugeOnesSplit() {
    List<Long> sizes = List.of(30L, 30L, 250L, 20L, 2500L, 5L);
    List<MultipartPlan.Part> parts = MultipartPlan.plan(sizes, MIN, MAX);
    check(sizes, parts);
    assertEquals(false, parts.get(0).copy());
    assertEquals(
        List.of(
            new MultipartPlan.Piece(0, 0, 30),
            new MultipartPlan.Piece(1, 0, 30),
            new MultipartPlan.Piece(2, 0, 40)),
        parts.get(0).pieces());
    assertTrue(parts.get(1).copy());
    assertTrue(parts.stream().filter(MultipartPlan.Part::copy).count() >= 4);
  }

  @Test
  void oneSmallSourceIsOneUploadedPart() {
    List<MultipartPlan.Part> parts = MultipartPlan.plan(List.of(20L), MIN, MAX);
    assertEquals(1, parts.size());
    assertEquals(false, parts.get(0).copy());
  }

  @Test
  void randomSizesKeepTheRules() {
    Random random = new Random(9);
    for (int round = 0; round < 2000; round++) {
      List<Long> sizes = new ArrayList<>();
      int n = 1 + random.nextInt(12);
      for (int i = 0; i < n; i++) {
        sizes.add(1L + (random.nextBoolean() ? random.nextInt(150) : random.nextInt(3500)));
      }
      check(sizes, MultipartPlan.plan(sizes, MIN, MAX));
    }
  }
}
