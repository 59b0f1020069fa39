package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.layout.PlannedObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The stream's queue of objects to read, fed by {@link StreamPoll} results: each object is handed
 * out once (by key), in the order of its event time, and the watermark never passes an object that
 * is still queued.
 *
 * <p>The <b>watermark</b> is the latest poll's watermark held back to the earliest event time still
 * queued, and never goes back. An object listed later with an event time behind it is still handed
 * out (it is what the allowed lateness is for). The <b>emitted keys</b> (those handed out and still
 * listed by the latest poll) are what a restored feed needs to not hand them out again; keys no
 * longer listed are forgotten, because the listed range only moves forward. Not thread-safe.
 */
public final class NewObjectFeed {
  private final Function<PlannedObject, Instant> eventTime;
  private final Set<String> emitted;
  private final Set<String> queuedKeys = new HashSet<>();
  private final Deque<PlannedObject> queue = new ArrayDeque<>();
  private Optional<Instant> pollWatermark;
  private Optional<Instant> watermark;

  /**
   * A feed that has already handed out {@code emitted} and reached {@code watermark}.
   *
   * @param eventTime the event time of an object ({@link StreamPoll#eventTimeOf})
   */
  public NewObjectFeed(
      Function<PlannedObject, Instant> eventTime,
      Set<String> emitted,
      Optional<Instant> watermark) {
    this.eventTime = eventTime;
    this.emitted = new HashSet<>(emitted);
    this.pollWatermark = watermark;
    this.watermark = watermark;
  }

  /** Queues the objects of {@code poll} not handed out or queued before. */
  public void offer(StreamPoll.Result poll) {
    Set<String> listed = new HashSet<>();
    List<PlannedObject> merged = new ArrayList<>(queue);
    for (PlannedObject object : poll.objects()) {
      listed.add(object.key());
      if (!emitted.contains(object.key()) && queuedKeys.add(object.key())) {
        merged.add(object);
      }
    }
    emitted.retainAll(listed);
    merged.sort(Comparator.comparing(eventTime).thenComparing(PlannedObject::key));
    queue.clear();
    queue.addAll(merged);
    poll.watermark().ifPresent(w -> pollWatermark = Optional.of(later(pollWatermark, w)));
    advanceWatermark();
  }

  /** The next object to read, which counts as handed out from now on. */
  public Optional<PlannedObject> next() {
    PlannedObject next = queue.pollFirst();
    if (next == null) {
      return Optional.empty();
    }
    queuedKeys.remove(next.key());
    emitted.add(next.key());
    advanceWatermark();
    return Optional.of(next);
  }

  /** How far event time has got; empty before any poll listed an object. */
  public Optional<Instant> watermark() {
    return watermark;
  }

  /** The keys handed out that a restored feed must not hand out again, sorted. */
  public Set<String> emittedKeys() {
    return new TreeSet<>(emitted);
  }

  /** The number of objects queued and not handed out yet. */
  public int queued() {
    return queue.size();
  }

  private void advanceWatermark() {
    if (pollWatermark.isEmpty()) {
      return;
    }
    Instant candidate = pollWatermark.get();
    PlannedObject first = queue.peekFirst();
    if (first != null && eventTime.apply(first).isBefore(candidate)) {
      candidate = eventTime.apply(first);
    }
    watermark = Optional.of(later(watermark, candidate));
  }

  private static Instant later(Optional<Instant> current, Instant candidate) {
    return current.filter(c -> c.isAfter(candidate)).orElse(candidate);
  }
}
