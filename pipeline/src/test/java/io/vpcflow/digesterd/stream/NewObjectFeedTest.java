package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpcflow.digesterd.layout.PlannedObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NewObjectFeedTest {
  private static final Duration SLACK = Duration.ofMinutes(1);

  private static PlannedObject object(String name, String stamp) {
    return new PlannedObject("s3://logs/" + name, name, 10, Instant.parse(stamp));
  }

  private static StreamPoll.Result poll(String watermark, PlannedObject... objects) {
    return new StreamPoll.Result(List.of(objects), Optional.of(Instant.parse(watermark)));
  }

  private static NewObjectFeed feed() {
    return new NewObjectFeed(o -> o.timestamp().minus(SLACK), Set.of(), Optional.empty());
  }

  private static List<String> drain(NewObjectFeed feed) {
    List<String> keys = new ArrayList<>();
    for (Optional<PlannedObject> next = feed.next(); next.isPresent(); next = feed.next()) {
      keys.add(next.get().key());
    }
    return keys;
  }

  @Test
  void handsOutEachObjectOnceInEventTimeOrder() {
    NewObjectFeed feed = feed();
    PlannedObject a = object("a", "2024-05-01T10:03:00Z");
    PlannedObject b = object("b", "2024-05-01T10:01:00Z");
    feed.offer(poll("2024-05-01T10:02:00Z", a, b));
    assertEquals(List.of("b", "a"), drain(feed));

    PlannedObject c = object("c", "2024-05-01T10:02:00Z");
    feed.offer(poll("2024-05-01T10:02:00Z", a, b, c));

    assertEquals(List.of("c"), drain(feed));
    assertEquals(Set.of("a", "b", "c"), feed.emittedKeys());
  }

  @Test
  void theWatermarkWaitsForQueuedObjectsAndNeverGoesBack() {
    NewObjectFeed feed = feed();
    assertEquals(Optional.empty(), feed.watermark());
    feed.offer(
        poll(
            "2024-05-01T10:09:00Z",
            object("a", "2024-05-01T10:05:00Z"),
            object("b", "2024-05-01T10:10:00Z")));

    assertEquals(Optional.of(Instant.parse("2024-05-01T10:04:00Z")), feed.watermark());
    feed.next();
    assertEquals(Optional.of(Instant.parse("2024-05-01T10:09:00Z")), feed.watermark());
    feed.next();
    assertEquals(Optional.of(Instant.parse("2024-05-01T10:09:00Z")), feed.watermark());

    feed.offer(poll("2024-05-01T10:09:00Z", object("late", "2024-05-01T10:02:00Z")));
    assertEquals(Optional.of(Instant.parse("2024-05-01T10:09:00Z")), feed.watermark());
    assertEquals(List.of("late"), drain(feed));
  }

  @Test
  void aRestoredFeedSkipsWhatWasHandedOutButListsAgainWhatWasOnlyQueued() {
    NewObjectFeed first = feed();
    PlannedObject a = object("a", "2024-05-01T10:01:00Z");
    PlannedObject b = object("b", "2024-05-01T10:02:00Z");
    first.offer(poll("2024-05-01T10:01:00Z", a, b));
    first.next();

    NewObjectFeed restored =
        new NewObjectFeed(o -> o.timestamp().minus(SLACK), first.emittedKeys(), first.watermark());
    restored.offer(poll("2024-05-01T10:01:00Z", a, b));

    assertEquals(Set.of("a"), first.emittedKeys());
    assertEquals(List.of("b"), drain(restored));
    assertEquals(Optional.of(Instant.parse("2024-05-01T10:01:00Z")), restored.watermark());
  }

  @Test
  void keysNoLongerListedAreForgotten() {
    NewObjectFeed feed = feed();
    PlannedObject old = object("old", "2024-05-01T08:00:00Z");
    PlannedObject recent = object("recent", "2024-05-01T10:00:00Z");
    feed.offer(poll("2024-05-01T09:59:00Z", old, recent));
    drain(feed);

    feed.offer(poll("2024-05-01T09:59:00Z", recent));

    assertEquals(Set.of("recent"), feed.emittedKeys());
    assertEquals(List.of(), drain(feed));
  }

  @Test
  void aPollWithoutWatermarkKeepsTheLastOne() {
    NewObjectFeed feed = feed();
    feed.offer(poll("2024-05-01T10:00:00Z", object("a", "2024-05-01T10:01:00Z")));
    drain(feed);
    feed.offer(new StreamPoll.Result(List.of(), Optional.empty()));
    assertEquals(Optional.of(Instant.parse("2024-05-01T10:00:00Z")), feed.watermark());
  }
}
