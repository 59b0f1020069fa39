package io.vpcflow.digesterd.layout;

import io.vpcflow.digesterd.report.SkippedObject;
import java.util.List;

/**
 * The objects to read for one window, and the listed objects that were skipped.
 *
 * @param objects the objects to read, sorted by key
 * @param skipped objects listed in the window's folders that cannot be read (empty, unknown name)
 * @param listedObjects how many objects the listing returned in all
 * @param listRequests how many listing calls were made
 */
public record ObjectPlan(
    List<PlannedObject> objects,
    List<SkippedObject> skipped,
    long listedObjects,
    int listRequests) {

  /** The total size of the objects to read, in bytes. */
  public long totalBytes() {
    return objects.stream().mapToLong(PlannedObject::size).sum();
  }

  /** Whether any object to read is in {@code format}. */
  public boolean includes(ObjectFormat format) {
    return objects.stream().anyMatch(o -> o.format() == format);
  }
}
