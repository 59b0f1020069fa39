package io.vpcflow.digesterd.report;

import io.vpcflow.digesterd.flowlog.LineCounts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The tally of a digest run: objects read, their compressed and text bytes, the outcome of every
 * line, and the objects skipped or reported with their reasons. Mutable; {@link #merge} adds
 * another report, and the order of merges does not change the result (lists are kept sorted).
 */
public final class ReadReport implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private long objectsRead;
  private long compressedBytes;
  private long textBytes;
  private final LineCounts lines = new LineCounts();
  private final List<SkippedObject> skippedObjects = new ArrayList<>();

  /** Records one object read to its end. */
  public void addObject(long objectBytes, long objectTextBytes, LineCounts objectLines) {
    addObjects(1, objectBytes, objectTextBytes, objectLines);
  }

  /**
   * Records {@code objects} objects read together: {@code objectBytes} fetched, {@code
   * objectTextBytes} decompressed, {@code objectLines} their lines' outcomes.
   */
  public void addObjects(
      long objects, long objectBytes, long objectTextBytes, LineCounts objectLines) {
    objectsRead += objects;
    compressedBytes += objectBytes;
    textBytes += objectTextBytes;
    lines.addAll(objectLines);
  }

  /** Records an object that was skipped or that has a problem worth reporting. */
  public void addSkipped(SkippedObject skipped) {
    int at = Collections.binarySearch(skippedObjects, skipped, ORDER);
    skippedObjects.add(at < 0 ? -at - 1 : at, skipped);
  }

  /** Adds every count and skipped object of {@code other}. */
  public void merge(ReadReport other) {
    objectsRead += other.objectsRead;
    compressedBytes += other.compressedBytes;
    textBytes += other.textBytes;
    lines.addAll(other.lines);
    other.skippedObjects.forEach(this::addSkipped);
  }

  private static final Comparator<SkippedObject> ORDER =
      Comparator.comparing(SkippedObject::key)
          .thenComparing(SkippedObject::reason)
          .thenComparing(SkippedObject::detail);

  public long objectsRead() {
    return objectsRead;
  }

  public long compressedBytes() {
    return compressedBytes;
  }

  public long textBytes() {
    return textBytes;
  }

  /** The line counts (live view; do not modify). */
  public LineCounts lines() {
    return lines;
  }

  /** The skipped or reported objects, sorted by key, reason and detail. */
  public List<SkippedObject> skippedObjects() {
    return Collections.unmodifiableList(skippedObjects);
  }

  /** Adds raw totals; for decoding a serialised report. */
  public void addTotals(long objects, long compressed, long text, LineCounts objectLines) {
    objectsRead += objects;
    compressedBytes += compressed;
    textBytes += text;
    lines.addAll(objectLines);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ReadReport)) {
      return false;
    }
    ReadReport that = (ReadReport) other;
    return objectsRead == that.objectsRead
        && compressedBytes == that.compressedBytes
        && textBytes == that.textBytes
        && lines.equals(that.lines)
        && skippedObjects.equals(that.skippedObjects);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(objectsRead * 31 + compressedBytes) * 31 + lines.hashCode();
  }

  @Override
  public String toString() {
    return "ReadReport{objects="
        + objectsRead
        + ", bytes="
        + compressedBytes
        + ", lines="
        + lines
        + ", skipped="
        + skippedObjects
        + "}";
  }
}
