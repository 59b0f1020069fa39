package io.vpcflow.digesterd.digest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A batch of keys with their totals: the part of one table that falls into one bucket of the
 * key space. Chunks of the same bucket from many tables merge into that bucket's final totals, so
 * the key space can be merged in parallel without moving keys one by one. Immutable once built.
 */
public final class DigestChunk {
  private final List<DigestKey> keys;
  private final List<DigestTotals> totals;

  /** A chunk of parallel lists (same size, same order). */
  public DigestChunk(List<DigestKey> keys, List<DigestTotals> totals) {
    if (keys.size() != totals.size()) {
      throw new IllegalArgumentException("keys and totals differ in size");
    }
    this.keys = Collections.unmodifiableList(keys);
    this.totals = Collections.unmodifiableList(totals);
  }

  /** The bucket of a key among {@code buckets} buckets. */
  public static int bucketOf(DigestKey key, int buckets) {
    return Math.floorMod(key.hashCode(), buckets);
  }

  /** Splits a table into {@code buckets} chunks, chunk {@code i} holding the keys of bucket i. */
  public static List<DigestChunk> split(DigestTable table, int buckets) {
    List<List<DigestKey>> keys = new ArrayList<>();
    List<List<DigestTotals>> totals = new ArrayList<>();
    for (int i = 0; i < buckets; i++) {
      keys.add(new ArrayList<>());
      totals.add(new ArrayList<>());
    }
    for (Map.Entry<DigestKey, DigestTotals> entry : table.entries().entrySet()) {
      int bucket = bucketOf(entry.getKey(), buckets);
      keys.get(bucket).add(entry.getKey());
      totals.get(bucket).add(entry.getValue());
    }
    List<DigestChunk> chunks = new ArrayList<>();
    for (int i = 0; i < buckets; i++) {
      chunks.add(new DigestChunk(keys.get(i), totals.get(i)));
    }
    return chunks;
  }

  /** The number of keys. */
  public int size() {
    return keys.size();
  }

  /** The i-th key. */
  public DigestKey key(int i) {
    return keys.get(i);
  }

  /** The totals of the i-th key (do not modify). */
  public DigestTotals totals(int i) {
    return totals.get(i);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DigestChunk
        && ((DigestChunk) other).keys.equals(keys)
        && ((DigestChunk) other).totals.equals(totals);
  }

  @Override
  public int hashCode() {
    return keys.hashCode() * 31 + totals.hashCode();
  }
}
