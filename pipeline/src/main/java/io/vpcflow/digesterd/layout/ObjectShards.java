package io.vpcflow.digesterd.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Deals objects into shards of about equal bytes: largest object first, each to the lightest shard
 * so far. An object is never split (a gzip stream cannot be), so there are never more non-empty
 * shards than objects.
 */
public final class ObjectShards {
  private ObjectShards() {}

  /** The number of shards when none is configured: one per processor, at least 2. */
  public static int defaultCount() {
    return Math.max(2, Runtime.getRuntime().availableProcessors());
  }

  /** At most {@code shards} non-empty shards holding every object exactly once. */
  public static List<List<PlannedObject>> deal(List<PlannedObject> objects, int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be at least 1: " + shards);
    }
    int count = Math.min(shards, objects.size());
    List<List<PlannedObject>> dealt = new ArrayList<>();
    long[] load = new long[count];
    for (int i = 0; i < count; i++) {
      dealt.add(new ArrayList<>());
    }
    List<PlannedObject> bySize = new ArrayList<>(objects);
    bySize.sort(
        Comparator.comparingLong(PlannedObject::size).reversed().thenComparing(PlannedObject::key));
    for (PlannedObject object : bySize) {
      int lightest = 0;
      for (int i = 1; i < count; i++) {
        if (load[i] < load[lightest]) {
          lightest = i;
        }
      }
      dealt.get(lightest).add(object);
      load[lightest] += object.size();
    }
    return dealt;
  }
}
