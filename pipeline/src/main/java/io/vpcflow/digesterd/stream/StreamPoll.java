package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.layout.ObjectListing;
import io.vpcflow.digesterd.layout.ObjectPlan;
import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.layout.WindowObjectFinder;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One look at the flow-log store for the stream: which objects may hold records of windows that are
 * still to be digested, and how far event time has got.
 *
 * <p>Each poll lists (with {@link WindowObjectFinder}: only the account, region, day and hour
 * folders touched) the objects whose file-name time stamp lies in {@code [max(firstWindow, now -
 * horizon) - slackBefore, now]}; the caller drops those it has already seen. An object stamped
 * {@code T} holds records that started after {@code T - slackAfter} (the batch path reads objects
 * up to {@code slackAfter} past a window for the same reason), so once an object stamped {@code T}
 * has landed, event time is taken to have reached {@code T - slackAfter}: the watermark is the
 * latest stamp listed minus {@code slackAfter}. Objects that land later than that are what the
 * allowed lateness is for. With no object listed there is no watermark (event time stands still).
 */
public final class StreamPoll {
  private final List<String> accounts;
  private final List<String> regions;
  private final Duration slackBefore;
  private final Duration slackAfter;
  private final Duration horizon;
  private final Instant firstWindow;

  /**
   * @param accounts accounts to scan (empty: all)
   * @param regions regions to scan (empty: all)
   * @param slackBefore how long before a window an object's stamp may be and hold its records
   * @param slackAfter how long after its records began an object may be stamped
   * @param horizon how far back from now objects are listed
   * @param firstWindow the start of the first window the stream digests
   */
  public StreamPoll(
      List<String> accounts,
      List<String> regions,
      Duration slackBefore,
      Duration slackAfter,
      Duration horizon,
      Instant firstWindow) {
    this.accounts = List.copyOf(accounts);
    this.regions = List.copyOf(regions);
    this.slackBefore = slackBefore;
    this.slackAfter = slackAfter;
    this.horizon = horizon;
    this.firstWindow = firstWindow;
  }

  /**
   * The result of one poll.
   *
   * @param objects every object listed, sorted by key, with those seen before
   * @param watermark the latest stamp listed minus {@code slackAfter}; empty when none was listed
   */
  public record Result(List<PlannedObject> objects, Optional<Instant> watermark) {}

  /**
   * Lists the store as it is at {@code now}.
   *
   * @param listing the flow-log store
   * @param rootPrefix the key prefix before {@code AWSLogs/}
   */
  public Result poll(ObjectListing listing, String rootPrefix, Instant now) throws IOException {
    Instant from = firstWindow.isAfter(now.minus(horizon)) ? firstWindow : now.minus(horizon);
    if (from.isAfter(now)) {
      return new Result(List.of(), Optional.empty());
    }
    ObjectPlan plan =
        new WindowObjectFinder(listing, rootPrefix, accounts, regions, slackBefore, Duration.ZERO)
            .find(from, now);
    Optional<Instant> watermark =
        plan.objects().stream()
            .map(PlannedObject::timestamp)
            .max(Instant::compareTo)
            .map(latest -> eventTime(latest, slackAfter));
    return new Result(plan.objects(), watermark);
  }

  /** The event time of an object: the earliest its records may have started. */
  public Instant eventTimeOf(PlannedObject object) {
    return eventTime(object.timestamp(), slackAfter);
  }

  /**
   * The event time of an object stamped {@code stamp}: the earliest its records may have started,
   * {@code slackAfter} before its stamp.
   */
  public static Instant eventTime(Instant stamp, Duration slackAfter) {
    return stamp.minus(slackAfter);
  }
}
