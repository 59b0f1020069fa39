package io.vpcflow.digesterd.sample;

import io.vpcflow.digesterd.layout.KeyLayout;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What to generate.
 *
 * @param from the time stamp of the first object (truncated to the object interval)
 * @param duration how much time the objects cover
 * @param objectInterval time between two objects of one flow log (AWS: 5 or 10 minutes)
 * @param accounts account ids, one flow log each per region
 * @param regions regions
 * @param recordsPerObject records in each object (plus a header line)
 * @param conversations distinct conversations per account and region, picked with a skewed
 *     (Zipf-like) popularity, so conversations repeat across objects like real traffic
 * @param layouts key layouts, used in turn by account
 * @param hourly whether to add the hourly folder level
 * @param seed the random seed: the same spec gives the same bytes
 */
public record SampleSpec(
    Instant from,
    Duration duration,
    Duration objectInterval,
    List<String> accounts,
    List<String> regions,
    int recordsPerObject,
    int conversations,
    List<KeyLayout> layouts,
    boolean hourly,
    long seed) {

  /** A small default: two accounts, two regions, plain and Hive layouts. */
  public static SampleSpec small(Instant from, Duration duration) {
    return new SampleSpec(
        from,
        duration,
        Duration.ofMinutes(5),
        List.of("123456789012", "210987654321"),
        List.of("us-east-1", "eu-west-1"),
        200,
        400,
        List.of(KeyLayout.PLAIN, KeyLayout.HIVE),
        false,
        42);
  }
}
