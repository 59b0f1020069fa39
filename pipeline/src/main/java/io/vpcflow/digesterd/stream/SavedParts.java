package io.vpcflow.digesterd.stream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of what the stream keeps in its folder (next to its resume point) so that a restart
 * reads no object twice: the names, what a restart restores, what may be deleted. Plain logic; the
 * files are written and read by {@link StreamStateFiles}.
 *
 * <p>For every object it reads, the stream writes, in this order, each atomically:
 *
 * <ol>
 *   <li>one <b>part</b> per window the object gave records to ({@code parts/<window>-<id>.part}:
 *       the {@link WindowPart} in {@link WindowPartCoder}'s form), except windows already closed by
 *       the object's own event time (those records are late in every run);
 *   <li>then its <b>read record</b> ({@code read/<stamp>-<id>.read}, holding the object's key).
 * </ol>
 *
 * <p>{@code <id>} is the first 128 bits of the SHA-256 of the object's key, in hex; times are
 * {@code yyyyMMddTHHmmssZ}. A restart starting at window {@code F} ({@link #plan}) takes the
 * objects with a read record as read (they are not read again) and restores the parts of windows
 * from {@code F} on of exactly those objects. Whatever the crash point, no object is counted twice
 * or lost: parts without a read record (a crash between the two steps) are ignored and their object
 * is read again, rewriting the same names with the same bytes; a read record whose parts are gone
 * belongs to windows already digested (parts are deleted only after a window's digest is written,
 * {@link #windowPartsPrefix}). Read records are kept after their windows close, until the resume
 * point {@code R} has moved past them ({@link #prunable}: stamps before {@code R} minus the object
 * slack before), because a restart lists every object stamped from {@code R} minus that slack on.
 */
public final class SavedParts {
  /** The sub-folder of the parts. */
  public static final String PARTS = "parts/";

  /** The sub-folder of the read records. */
  public static final String READ = "read/";

  private static final DateTimeFormatter COMPACT =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern PART = Pattern.compile("(\\d{8}T\\d{6}Z)-([0-9a-f]{32})\\.part");
  private static final Pattern READ_RECORD =
      Pattern.compile("(\\d{8}T\\d{6}Z)-([0-9a-f]{32})\\.read");

  private SavedParts() {}

  /** The id of the object with key {@code key} in the names. */
  public static String objectId(String key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * The name (under the folder) of the part of object {@code key} in the window starting at {@code
   * window}.
   */
  public static String partName(long window, String key) {
    return PARTS + compact(Instant.ofEpochSecond(window)) + "-" + objectId(key) + ".part";
  }

  /** The name (under the folder) of the read record of object {@code key} stamped {@code stamp}. */
  public static String readName(Instant stamp, String key) {
    return READ + compact(stamp) + "-" + objectId(key) + ".read";
  }

  /** The prefix (under the folder) of every part of the window starting at {@code window}. */
  public static String windowPartsPrefix(long window) {
    return PARTS + compact(Instant.ofEpochSecond(window)) + "-";
  }

  /**
   * Whether the part of the window starting at {@code window} of an object of event time {@code
   * eventTime} is saved: not when the window is closed by that time already (its records are late
   * whenever they arrive).
   */
  public static boolean saved(long window, Instant eventTime, StreamWindows windows) {
    return !windows.isClosed(window, eventTime);
  }

  /**
   * A part's file name, parsed.
   *
   * @param window the window's start (epoch seconds)
   * @param objectId the object's id
   */
  public record PartName(long window, String objectId) {}

  /**
   * A read record's file name, parsed.
   *
   * @param stamp the object's time stamp
   * @param objectId the object's id
   */
  public record ReadName(Instant stamp, String objectId) {}

  /**
   * The part named {@code fileName} (without folder), or empty for any other file (a temporary one,
   * say).
   */
  public static Optional<PartName> parsePart(String fileName) {
    Matcher m = PART.matcher(fileName);
    return m.matches()
        ? instant(m.group(1)).map(t -> new PartName(t.getEpochSecond(), m.group(2)))
        : Optional.empty();
  }

  /** The read record named {@code fileName} (without folder), or empty for any other file. */
  public static Optional<ReadName> parseRead(String fileName) {
    Matcher m = READ_RECORD.matcher(fileName);
    return m.matches()
        ? instant(m.group(1)).map(t -> new ReadName(t, m.group(2)))
        : Optional.empty();
  }

  /**
   * What a stream starting at window {@code firstWindow} takes over from the folder.
   *
   * @param alreadyRead the ids of the objects not to read again
   * @param parts the parts to restore, by window
   */
  public record Restore(Set<String> alreadyRead, List<RestoredPart> parts) {}

  /**
   * A part to restore.
   *
   * @param name its name under the folder
   * @param window its window's start (epoch seconds)
   * @param stamp its object's time stamp
   */
  public record RestoredPart(String name, long window, Instant stamp) {}

  /**
   * What a stream starting at {@code firstWindow} restores: the objects with a read record stamped
   * from {@code firstWindow - slackBefore} on (the ones its polls list again) are already read, and
   * their parts of windows from {@code firstWindow} on are restored. Parts without a read record,
   * of earlier windows, and files of other names are left out.
   *
   * @param readFiles the file names in {@link #READ}
   * @param partFiles the file names in {@link #PARTS}
   */
  public static Restore plan(
      Collection<String> readFiles,
      Collection<String> partFiles,
      Instant firstWindow,
      Duration slackBefore) {
    Instant listedFrom = firstWindow.minus(slackBefore);
    Map<String, Instant> read = new HashMap<>();
    for (String file : readFiles) {
      parseRead(file)
          .filter(r -> !r.stamp().isBefore(listedFrom))
          .ifPresent(r -> read.put(r.objectId(), r.stamp()));
    }
    List<RestoredPart> parts = new ArrayList<>();
    for (String file : partFiles) {
      Optional<PartName> part = parsePart(file);
      if (part.isPresent()
          && part.get().window() >= firstWindow.getEpochSecond()
          && read.containsKey(part.get().objectId())) {
        parts.add(
            new RestoredPart(PARTS + file, part.get().window(), read.get(part.get().objectId())));
      }
    }
    parts.sort((a, b) -> a.name().compareTo(b.name()));
    return new Restore(Set.copyOf(read.keySet()), List.copyOf(parts));
  }

  /**
   * What may be deleted (names under the folder) once the resume point {@code resumePoint} is
   * stored: read records stamped before {@code resumePoint - slackBefore} (no restart lists those
   * objects again) and parts of windows before {@code resumePoint} (all closed).
   *
   * @param readFiles the file names in {@link #READ}
   * @param partFiles the file names in {@link #PARTS}
   */
  public static List<String> prunable(
      Collection<String> readFiles,
      Collection<String> partFiles,
      Instant resumePoint,
      Duration slackBefore) {
    Instant listedFrom = resumePoint.minus(slackBefore);
    List<String> names = new ArrayList<>();
    for (String file : readFiles) {
      parseRead(file)
          .filter(r -> r.stamp().isBefore(listedFrom))
          .ifPresent(r -> names.add(READ + file));
    }
    for (String file : partFiles) {
      parsePart(file)
          .filter(p -> p.window() < resumePoint.getEpochSecond())
          .ifPresent(p -> names.add(PARTS + file));
    }
    return names;
  }

  private static String compact(Instant instant) {
    return COMPACT.format(instant);
  }

  private static Optional<Instant> instant(String compact) {
    try {
      return Optional.of(Instant.from(COMPACT.parse(compact)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
