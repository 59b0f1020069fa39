package io.vpcflow.digesterd.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the stream reports about itself, stored as {@code status.json} next to its resume point
 * ({@link DigestStream#statusUri}) and shown by the API's {@code GET /status}. The counts are those
 * of this run of the stream (since {@link #startedAt}); the document is rebuilt by folding {@link
 * StatusEvent}s ({@link #with}). Times are RFC 3339, UTC. Immutable.
 *
 * @param startedAt when this run of the stream started
 * @param updatedAt when the document was last written
 * @param lastObject the object read most recently (as the status step heard of it), or null before
 *     the first
 * @param watermark the stream's event-time position: the latest event time of an object read or
 *     found read before a restart (its stamp minus the object slack after; Beam's watermark may lag
 *     it while earlier objects of the same poll are still being read), or null before the first
 *     object
 * @param openWindows the windows that have taken records and have not closed yet, by start
 * @param lastClosedWindow the latest window closed by this run, or null
 * @param objectsRead objects read
 * @param objectsAlreadyRead objects listed again after a restart and not read (their parts were
 *     restored from the stream's folder)
 * @param records records taken into windows (open or closed since)
 * @param lateRecords records that arrived after their window closed: counted, not digested
 * @param windowsClosed windows closed (written, or found already written)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamStatus(
    Instant startedAt,
    Instant updatedAt,
    LastObject lastObject,
    Instant watermark,
    List<OpenWindow> openWindows,
    Window lastClosedWindow,
    long objectsRead,
    long objectsAlreadyRead,
    long records,
    long lateRecords,
    long windowsClosed) {

  /** Normalises a missing list of open windows to an empty one. */
  public StreamStatus {
    openWindows = openWindows == null ? List.of() : List.copyOf(openWindows);
  }

  /**
   * An object read.
   *
   * @param key its key
   * @param stamp the time stamp in its name
   */
  public record LastObject(String key, Instant stamp) {}

  /**
   * A window still open.
   *
   * @param start its start
   * @param stop its end
   * @param closesAt when it closes: its end plus the allowed lateness, in event time
   * @param objects the objects that gave it records so far
   * @param records its records so far
   */
  public record OpenWindow(
      Instant start, Instant stop, Instant closesAt, long objects, long records) {}

  /**
   * A window.
   *
   * @param start its start
   * @param stop its end
   */
  public record Window(Instant start, Instant stop) {}

  /** The status of a run started at {@code at}, before anything happened. */
  public static StreamStatus started(Instant at) {
    return new StreamStatus(at, at, null, null, List.of(), null, 0, 0, 0, 0, 0);
  }

  /** This status, written at {@code at}. */
  public StreamStatus updated(Instant at) {
    return new StreamStatus(
        startedAt,
        at,
        lastObject,
        watermark,
        openWindows,
        lastClosedWindow,
        objectsRead,
        objectsAlreadyRead,
        records,
        lateRecords,
        windowsClosed);
  }

  /**
   * This status after {@code event}. Events may arrive out of order: records a window takes after
   * it (or a later window) was reported closed are counted but do not open it again (windows close
   * in the order of their starts); the watermark only moves forward.
   */
  public StreamStatus with(StatusEvent event, StreamWindows windows) {
    return switch (event.kind()) {
      case OBJECT_READ -> withObjectRead(event);
      case OBJECT_ALREADY_READ ->
          new StreamStatus(
              startedAt,
              updatedAt,
              lastObject,
              later(watermark, event),
              openWindows,
              lastClosedWindow,
              objectsRead,
              objectsAlreadyRead + 1,
              records,
              lateRecords,
              windowsClosed);
      case PART_TAKEN -> withPartTaken(event, windows);
      case PART_LATE ->
          new StreamStatus(
              startedAt,
              updatedAt,
              lastObject,
              watermark,
              openWindows,
              lastClosedWindow,
              objectsRead,
              objectsAlreadyRead,
              records,
              lateRecords + event.records(),
              windowsClosed);
      case WINDOW_CLOSED -> withWindowClosed(event, windows);
    };
  }

  private StreamStatus withObjectRead(StatusEvent event) {
    LastObject last = new LastObject(event.objectKey(), event.stamp());
    return new StreamStatus(
        startedAt,
        updatedAt,
        last,
        later(watermark, event),
        openWindows,
        lastClosedWindow,
        objectsRead + 1,
        objectsAlreadyRead,
        records,
        lateRecords,
        windowsClosed);
  }

  /** The later of {@code watermark} and the event's object's event time. */
  private static Instant later(Instant watermark, StatusEvent event) {
    if (watermark == null || event.eventTime().isAfter(watermark)) {
      return event.eventTime();
    }
    return watermark;
  }

  private StreamStatus withPartTaken(StatusEvent event, StreamWindows windows) {
    List<OpenWindow> open = openWindows;
    if (!closedBy(event.window(), lastClosedWindow)) {
      open = new ArrayList<>();
      Instant start = Instant.ofEpochSecond(event.window());
      boolean found = false;
      for (OpenWindow w : openWindows) {
        if (w.start().equals(start)) {
          open.add(
              new OpenWindow(
                  w.start(),
                  w.stop(),
                  w.closesAt(),
                  w.objects() + event.objects(),
                  w.records() + event.records()));
          found = true;
        } else {
          open.add(w);
        }
      }
      if (!found) {
        open.add(
            new OpenWindow(
                start,
                windows.window(event.window()).stop(),
                windows.closesAt(event.window()),
                event.objects(),
                event.records()));
        open.sort(Comparator.comparing(OpenWindow::start));
      }
    }
    return new StreamStatus(
        startedAt,
        updatedAt,
        lastObject,
        watermark,
        open,
        lastClosedWindow,
        objectsRead,
        objectsAlreadyRead,
        records + event.records(),
        lateRecords,
        windowsClosed);
  }

  private StreamStatus withWindowClosed(StatusEvent event, StreamWindows windows) {
    Window closed = lastClosedWindow;
    if (!closedBy(event.window(), closed)) {
      closed =
          new Window(Instant.ofEpochSecond(event.window()), windows.window(event.window()).stop());
    }
    Window latest = closed;
    List<OpenWindow> open =
        openWindows.stream().filter(w -> !closedBy(w.start().getEpochSecond(), latest)).toList();
    return new StreamStatus(
        startedAt,
        updatedAt,
        lastObject,
        watermark,
        open,
        closed,
        objectsRead,
        objectsAlreadyRead,
        records,
        lateRecords,
        windowsClosed + 1);
  }

  /** Whether the window starting at {@code window} is closed once {@code lastClosed} is. */
  private static boolean closedBy(long window, Window lastClosed) {
    return lastClosed != null && window <= lastClosed.start().getEpochSecond();
  }
}
