package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.pipeline.FlowLogStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link NewObjectsSource}: polls the flow-log store when its queue is empty and the poll
 * interval has passed, and hands out the queued objects ({@link NewObjectFeed}) in batches ({@link
 * RunnerFeed#objectsPerElement}), each stamped with its first object's event time. A poll that
 * fails is logged and tried again at the next interval (the S3 client has already retried it).
 */
final class NewObjectsReader extends UnboundedSource.UnboundedReader<List<PlannedObject>> {
  private static final Logger LOG = LoggerFactory.getLogger(NewObjectsReader.class);

  private final NewObjectsSource source;
  private final StreamOptions options;
  private final StreamPoll poll;
  private final Duration interval;
  private final int objectsPerElement;
  private final NewObjectFeed feed;
  private Instant nextPoll = Instant.EPOCH;
  private @Nullable List<PlannedObject> current;

  NewObjectsReader(
      NewObjectsSource source,
      StreamOptions options,
      Instant firstWindow,
      @Nullable NewObjectsCheckpoint checkpoint) {
    this.source = source;
    this.options = options;
    this.poll =
        new StreamPoll(
            FlowLogStore.scanAccounts(options),
            FlowLogStore.scanRegions(options),
            options.getObjectSlackBefore(),
            options.getObjectSlackAfter(),
            options.getStreamHorizon(),
            firstWindow);
    this.interval = options.getStreamPoll();
    this.objectsPerElement = RunnerFeed.objectsPerElement(options.getRunner().getSimpleName());
    this.feed =
        checkpoint == null
            ? new NewObjectFeed(poll::eventTimeOf, Set.of(), Optional.empty())
            : new NewObjectFeed(poll::eventTimeOf, checkpoint.emitted(), checkpoint.watermark());
  }

  @Override
  public boolean start() throws IOException {
    return advance();
  }

  @Override
  public boolean advance() throws IOException {
    if (feed.queued() == 0 && !Instant.now().isBefore(nextPoll)) {
      nextPoll = Instant.now().plus(interval);
      pollStore();
    }
    List<PlannedObject> batch = new ArrayList<>();
    while (batch.size() < objectsPerElement) {
      Optional<PlannedObject> next = feed.next();
      if (next.isEmpty()) {
        break;
      }
      batch.add(next.get());
    }
    current = batch.isEmpty() ? null : batch;
    return current != null;
  }

  private void pollStore() {
    try {
      StreamPoll.Result result =
          FlowLogStore.withListing(
              options, (listing, store) -> poll.poll(listing, store.keyPrefix(), Instant.now()));
      feed.offer(result);
      LOG.debug(
          "poll: {} objects listed, {} new, watermark {}",
          result.objects().size(),
          feed.queued(),
          feed.watermark());
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "listing the flow-log store for new objects failed; trying again in {}: {}",
          interval,
          e.toString());
    }
  }

  @Override
  public List<PlannedObject> getCurrent() {
    if (current == null) {
      throw new NoSuchElementException();
    }
    return current;
  }

  @Override
  public org.joda.time.Instant getCurrentTimestamp() {
    return CloseWindowFn.joda(poll.eventTimeOf(getCurrent().get(0)));
  }

  @Override
  public org.joda.time.Instant getWatermark() {
    return feed.watermark().map(CloseWindowFn::joda).orElse(BoundedWindow.TIMESTAMP_MIN_VALUE);
  }

  @Override
  public NewObjectsCheckpoint getCheckpointMark() {
    return new NewObjectsCheckpoint(feed.emittedKeys(), feed.watermark());
  }

  @Override
  public NewObjectsSource getCurrentSource() {
    return source;
  }

  @Override
  public void close() {}
}
