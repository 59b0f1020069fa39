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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of what the stream keeps in its folder (next to its resume point) so that a restart
 * reads no object twice: the names, what a restart restores, what may be deleted. Plain logic; the
 * files are written and read by {@link StreamStateFiles}.
 *
 * <p>The stream reads objects in batches (the objects of one bundle of its reading step, or one
 * object). For every batch it writes, in this order, each atomically:
 *
 * <ol>
 *   <li>one <b>part</b> per window the batch gave records to ({@code parts/<window>-<id>.part}: the
 *       {@link WindowPart} in {@link WindowPartCoder}'s form), without the records of windows
 *       already closed by their own object's event time (those are late in every run);
 *   <li>then its <b>read record</b> ({@code read/<latest>-<earliest>-<id>.read}, holding the keys
 *       of the batch's objects, one per line; the stamps are the latest and the earliest of the
 *       objects' time stamps; {@code read/<stamp>-<id>.read} for a batch of one object, which a
 *       restart knows by its name alone).
 * </ol>
 *
 * <p>{@code <id>} is the first 128 bits of the SHA-256 of the batch's keys, sorted and joined by
 * line ends (of the key alone for a batch of one object); times are {@code yyyyMMddTHHmmssZ}. A
 * restart starting at window {@code F} ({@link #plan}) takes the objects of the read records it
 * lists again ({@link #takenOver}) as read (they are not read again) and restores the parts of
 * windows from {@code F} on of exactly those batches, at the event time of their earliest object.
 * Whatever the crash point, no object is counted twice or lost: parts without a read record (a
 * crash between the two steps) are ignored and their objects are read again; a read record whose
 * parts are gone belongs to windows already digested (parts are deleted only after a window's
 * digest is written, {@link #windowPartsPrefix}). Read records are kept after their windows close,
 * until the resume point {@code R} has moved past them ({@link #prunable}: latest stamps before
 * {@code R} minus the object slack before), because a restart lists every object stamped from
 * {@code R} minus that slack on. The read records of earlier releases ({@code
 * read/<stamp>-<id>.read}, one object) are read the same way.
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
      Pattern.compile("(\\d{8}T\\d{6}Z)(?:-(\\d{8}T\\d{6}Z))?-([0-9a-f]{32})\\.read");

  private SavedParts() {}

  /** The id of the object with key {@code key}: the id of a batch of that object alone. */
  public static String objectId(String key) {
    return id(key);
  }

  private static String id(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * The objects of a batch read together, as their read record holds them.
   *
   * @param keys the objects' keys, sorted, without repeats
   * @param earliest the earliest of their time stamps
   * @param latest the latest of their time stamps
   */
  public record Batch(List<String> keys, Instant earliest, Instant latest) {
    public Batch {
      keys = List.copyOf(new TreeSet<>(keys));
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("a batch holds at least one object");
      }
    }

    /** The batch's id in the names. */
    public String id() {
      return SavedParts.id(String.join("\n", keys));
    }

    /**
     * The name (under the folder) of the batch's read record: {@code read/<stamp>-<id>.read} for a
     * batch of one object (whose id is the object's), else {@code
     * read/<latest>-<earliest>-<id>.read}.
     */
    public String readName() {
      return keys.size() == 1
          ? READ + compact(latest) + "-" + id() + ".read"
          : READ + compact(latest) + "-" + compact(earliest) + "-" + id() + ".read";
    }

    /** The name (under the folder) of the batch's part of the window starting at {@code window}. */
    public String partName(long window) {
      return SavedParts.partName(window, id());
    }

    /** The read record's content: the keys, one per line, in UTF-8. */
    public byte[] readContent() {
      return String.join("\n", keys).getBytes(StandardCharsets.UTF_8);
    }
  }

  /** The keys held by a read record of content {@code content}. */
  public static List<String> keysOf(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
  }

  /**
   * The name (under the folder) of the part of the batch {@code batchId} in the window starting at
   * {@code window}.
   */
  public static String partName(long window, String batchId) {
    return PARTS + compact(Instant.ofEpochSecond(window)) + "-" + batchId + ".part";
  }

  /** The prefix (under the folder) of every part of the window starting at {@code window}. */
  public static String windowPartsPrefix(long window) {
    return PARTS + compact(Instant.ofEpochSecond(window)) + "-";
  }

  /**
   * A part's file name, parsed.
   *
   * @param window the window's start (epoch seconds)
   * @param batchId its batch's id
   */
  public record PartName(long window, String batchId) {}

  /**
   * A read record's file name, parsed.
   *
   * @param stamp the latest time stamp of its objects
   * @param earliest the earliest time stamp of its objects
   * @param batchId its batch's id
   * @param oneObject whether it names a batch of one object, whose id is then {@code batchId}
   */
  public record ReadName(Instant stamp, Instant earliest, String batchId, boolean oneObject) {}

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
    if (!m.matches()) {
      return Optional.empty();
    }
    Optional<Instant> latest = instant(m.group(1));
    Optional<Instant> earliest = m.group(2) == null ? latest : instant(m.group(2));
    return latest.isPresent() && earliest.isPresent()
        ? Optional.of(new ReadName(latest.get(), earliest.get(), m.group(3), m.group(2) == null))
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
   * @param stamp the earliest time stamp of its batch's objects
   */
  public record RestoredPart(String name, long window, Instant stamp) {}

  /**
   * The read records (file names in {@link #READ}) a stream starting at {@code firstWindow} takes
   * over: those whose latest stamp is from {@code firstWindow - slackBefore} on (their objects
   * include ones its polls list again).
   */
  public static List<String> takenOver(
      Collection<String> readFiles, Instant firstWindow, Duration slackBefore) {
    Instant listedFrom = firstWindow.minus(slackBefore);
    List<String> taken = new ArrayList<>();
    for (String file : readFiles) {
      parseRead(file).filter(r -> !r.stamp().isBefore(listedFrom)).ifPresent(r -> taken.add(file));
    }
    return taken;
  }

  /**
   * Whether the objects of the read record named {@code fileName} (in {@link #READ}) are only in
   * its content: a batch of several objects. A batch of one object is known by its name alone.
   */
  public static boolean contentNeeded(String fileName) {
    return parseRead(fileName).map(r -> !r.oneObject()).orElse(false);
  }

  /**
   * What a stream starting at {@code firstWindow} restores: the objects of the read records it
   * takes over ({@link #takenOver}) are already read, and their batches' parts of windows from
   * {@code firstWindow} on are restored. Parts without a read record, of earlier windows, and files
   * of other names are left out, and so is a record of several objects whose keys are missing (gone
   * before it was read).
   *
   * @param takenOver the read records taken over (file names in {@link #READ})
   * @param keys the keys held by each of those that {@link #contentNeeded}, by file name
   * @param partFiles the file names in {@link #PARTS}
   */
  public static Restore plan(
      Collection<String> takenOver,
      Map<String, List<String>> keys,
      Collection<String> partFiles,
      Instant firstWindow) {
    Set<String> alreadyRead = new HashSet<>();
    Map<String, Instant> batches = new HashMap<>();
    for (String file : takenOver) {
      ReadName read = parseRead(file).orElse(null);
      if (read == null || (!read.oneObject() && !keys.containsKey(file))) {
        continue;
      }
      batches.put(read.batchId(), read.earliest());
      if (read.oneObject()) {
        alreadyRead.add(read.batchId());
      } else {
        keys.get(file).forEach(k -> alreadyRead.add(objectId(k)));
      }
    }
    List<RestoredPart> parts = new ArrayList<>();
    for (String file : partFiles) {
      Optional<PartName> part = parsePart(file);
      if (part.isPresent()
          && part.get().window() >= firstWindow.getEpochSecond()
          && batches.containsKey(part.get().batchId())) {
        parts.add(
            new RestoredPart(PARTS + file, part.get().window(), batches.get(part.get().batchId())));
      }
    }
    parts.sort((a, b) -> a.name().compareTo(b.name()));
    return new Restore(Set.copyOf(alreadyRead), List.copyOf(parts));
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
