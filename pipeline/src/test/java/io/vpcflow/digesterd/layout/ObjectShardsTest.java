package io.vpcflow.digesterd.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How {@link ObjectShards} deals a window's objects into shards. */
class ObjectShardsTest {
  private static final Instant STAMP = Instant.parse("2024-05-01T10:05:00Z");

  private static PlannedObject object(String name, long size) {
    return new PlannedObject("s3://flow-logs/" + name, name, size, STAMP);
  }

  /**
   * {@code count} objects with sizes from a skewed distribution, like a mix of busy and quiet ENIs.
   */
  private static List<PlannedObject> objects(int count, long seed) {
    Random random = new Random(seed);
    List<PlannedObject> objects = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double u = random.nextDouble();
      objects.add(object(String.format("k%05d.log.gz", i), 1 + (long) (5_000_000 * u * u * u)));
    }
    return objects;
  }

  private static long load(List<PlannedObject> shard) {
    return shard.stream().mapToLong(PlannedObject::size).sum();
  }

  private static List<String> sortedKeys(List<List<PlannedObject>> shards) {
    List<String> keys =
        new ArrayList<>(shards.stream().flatMap(List::stream).map(PlannedObject::key).toList());
    Collections.sort(keys);
    return keys;
  }

  @Test
  void everyObjectIsDealtExactlyOnceIntoAtMostTheShardsAskedFor() {
    for (int count : new int[] {1, 2, 7, 64, 1000}) {
      List<PlannedObject> objects = objects(count, count);
      List<String> expected = objects.stream().map(PlannedObject::key).sorted().toList();
      for (int shards : new int[] {1, 2, 3, 8, 64, 2000}) {
        List<List<PlannedObject>> dealt = ObjectShards.deal(objects, shards);
        assertEquals(
            Math.min(shards, count), dealt.size(), count + " objects, " + shards + " shards");
        assertEquals(expected, sortedKeys(dealt), count + " objects, " + shards + " shards");
        assertTrue(
            dealt.stream().noneMatch(List::isEmpty),
            "no shard is empty: " + count + " objects, " + shards + " shards");
      }
    }
  }

  @Test
  void theLargestObjectGoesFirstEachToTheLightestShard() {
    List<PlannedObject> objects =
        List.of(
            object("e", 6),
            object("a", 10),
            object("f", 5),
            object("c", 8),
            object("b", 9),
            object("d", 7));
    List<List<PlannedObject>> dealt = ObjectShards.deal(objects, 3);
    assertEquals(
        List.of(List.of("a", "f"), List.of("b", "e"), List.of("c", "d")),
        dealt.stream().map(shard -> shard.stream().map(PlannedObject::key).toList()).toList());
    assertEquals(List.of(15L, 15L, 15L), dealt.stream().map(ObjectShardsTest::load).toList());
  }

  @Test
  void loadsDifferByNoMoreThanTheLargestObject() {
    for (long seed = 1; seed <= 20; seed++) {
      List<PlannedObject> objects = objects(500, seed);
      long largest = objects.stream().mapToLong(PlannedObject::size).max().orElseThrow();
      long total = objects.stream().mapToLong(PlannedObject::size).sum();
      for (int shards : new int[] {2, 5, 16, 64}) {
        List<Long> loads =
            ObjectShards.deal(objects, shards).stream().map(ObjectShardsTest::load).toList();
        long max = Collections.max(loads);
        long min = Collections.min(loads);
        assertEquals(total, loads.stream().mapToLong(Long::longValue).sum());
        assertTrue(
            max - min <= largest,
            "seed "
                + seed
                + ", "
                + shards
                + " shards: loads "
                + min
                + ".."
                + max
                + ", largest "
                + largest);
        assertTrue(
            max <= total / shards + largest, "seed " + seed + ", " + shards + " shards: " + max);
      }
    }
  }

  @Test
  void oneShardTakesEverythingLargestFirstAndEqualSizesByKey() {
    List<PlannedObject> objects =
        List.of(object("c", 5), object("a", 5), object("z", 1), object("b", 9));
    assertEquals(
        List.of(List.of("b", "a", "c", "z")),
        ObjectShards.deal(objects, 1).stream()
            .map(shard -> shard.stream().map(PlannedObject::key).toList())
            .toList());
  }

  @Test
  void theDealDoesNotDependOnTheOrderOfTheObjects() {
    List<PlannedObject> objects = new ArrayList<>(objects(300, 5));
    objects.addAll(IntStream.range(0, 30).mapToObj(i -> object("same-" + i, 1000)).toList());
    List<List<PlannedObject>> first = ObjectShards.deal(objects, 7);
    List<PlannedObject> reordered = new ArrayList<>(objects);
    for (long seed = 1; seed <= 5; seed++) {
      Collections.shuffle(reordered, new Random(seed));
      assertEquals(first, ObjectShards.deal(reordered, 7), "shuffle " + seed);
    }
    reordered.sort(Comparator.comparing(PlannedObject::key).reversed());
    assertEquals(first, ObjectShards.deal(reordered, 7));
  }

  @Test
  void leavesItsInputAlone() {
    List<PlannedObject> objects =
        new ArrayList<>(List.of(object("small", 1), object("large", 100)));
    ObjectShards.deal(objects, 2);
    assertEquals(List.of(object("small", 1), object("large", 100)), objects);
  }

  @Test
  void noObjectsMakeNoShards() {
    assertEquals(List.of(), ObjectShards.deal(List.of(), 8));
  }

  @Test
  void fewerThanOneShardIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ObjectShards.deal(List.of(object("a", 1)), 0));
    assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
  }
}
