package io.vpcflow.digesterd.marker;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Where progress markers are kept, one per digest id, written only with compare-and-set. The
 * built-in store is {@link S3MarkerStore}; any store with an atomic create-if-absent and
 * replace-if-unchanged can stand in (a database row with a version column, for instance).
 * Implementations are thread-safe.
 */
public interface MarkerStore {

  /**
   * The marker of {@code id}, if there is one.
   *
   * @throws IOException when the store cannot be read
   */
  Optional<StoredMarker> read(UUID id) throws IOException;

  /**
   * Writes the marker of {@code id} if there is none, atomically: of any number of concurrent
   * callers exactly one succeeds.
   *
   * @return the new version, or empty when a marker already exists
   * @throws IOException when the store cannot be written
   */
  Optional<String> create(UUID id, Marker marker) throws IOException;

  /**
   * Replaces the marker of {@code id} if it is still at {@code version}, atomically.
   *
   * @return the new version, or empty when the marker was written since (or deleted)
   * @throws IOException when the store cannot be written
   */
  Optional<String> replace(UUID id, Marker marker, String version) throws IOException;

  /**
   * Writes {@code marker} for {@code id} over {@code current}, as {@link #read} gave it: {@link
   * #create} when there was none, else {@link #replace} of that version.
   *
   * @return the new version, or empty when another writer came first
   * @throws IOException when the store cannot be written
   */
  default Optional<String> writeOver(UUID id, Marker marker, Optional<StoredMarker> current)
      throws IOException {
    return current.isEmpty() ? create(id, marker) : replace(id, marker, current.get().version());
  }
}
