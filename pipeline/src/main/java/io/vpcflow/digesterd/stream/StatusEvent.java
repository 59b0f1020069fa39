package io.vpcflow.digesterd.stream;

import java.time.Instant;

/**
 * One thing that happened in the stream, as the status step ({@link StreamStatus}) hears of it.
 * Which fields are set depends on the kind; the others are empty ({@code ""}, {@link
 * Instant#EPOCH}, 0).
 *
 * @param kind what happened
 * @param window the start (epoch seconds) of the window concerned ({@link Kind#PART_TAKEN}, {@link
 *     Kind#PART_LATE}, {@link Kind#WINDOW_CLOSED})
 * @param objectKey the object's key ({@link Kind#OBJECT_READ}, {@link Kind#OBJECT_ALREADY_READ})
 * @param stamp the time stamp in the object's name (same kinds)
 * @param eventTime the object's event time: its stamp minus the object slack after, the time the
 *     watermark reaches once it is listed (same kinds)
 * @param objects the objects whose records a window took ({@link Kind#PART_TAKEN})
 * @param records the records concerned ({@link Kind#PART_TAKEN}, {@link Kind#PART_LATE})
 */
public record StatusEvent(
    Kind kind,
    long window,
    String objectKey,
    Instant stamp,
    Instant eventTime,
    long objects,
    long records) {

  /** What happened. */
  public enum Kind {
    /** An object was read. */
    OBJECT_READ,
    /** An object listed again after a restart was not read: its parts were restored. */
    OBJECT_ALREADY_READ,
    /** A window took the records of a batch of objects. */
    PART_TAKEN,
    /** Records of one object arrived after their window closed: counted, not digested. */
    PART_LATE,
    /** A window closed (its digest written, or found already written). */
    WINDOW_CLOSED
  }

  /** An object read. */
  public static StatusEvent objectRead(String key, Instant stamp, Instant eventTime) {
    return new StatusEvent(Kind.OBJECT_READ, 0, key, stamp, eventTime, 0, 0);
  }

  /** An object read before a restart, listed again and not read. */
  public static StatusEvent objectAlreadyRead(String key, Instant stamp, Instant eventTime) {
    return new StatusEvent(Kind.OBJECT_ALREADY_READ, 0, key, stamp, eventTime, 0, 0);
  }

  /**
   * {@code records} of {@code objects} objects read together taken by the window starting at {@code
   * window}.
   */
  public static StatusEvent partTaken(long window, long objects, long records) {
    return new StatusEvent(
        Kind.PART_TAKEN, window, "", Instant.EPOCH, Instant.EPOCH, objects, records);
  }

  /** {@code records} that came after the window starting at {@code window} closed. */
  public static StatusEvent partLate(long window, long records) {
    return new StatusEvent(Kind.PART_LATE, window, "", Instant.EPOCH, Instant.EPOCH, 0, records);
  }

  /** The window starting at {@code window} closed. */
  public static StatusEvent windowClosed(long window) {
    return new StatusEvent(Kind.WINDOW_CLOSED, window, "", Instant.EPOCH, Instant.EPOCH, 0, 0);
  }
}
