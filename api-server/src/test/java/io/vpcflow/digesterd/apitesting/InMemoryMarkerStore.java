package io.vpcflow.digesterd.apitesting;

import io.vpcflow.digesterd.marker.Marker;
import io.vpcflow.digesterd.marker.MarkerStore;
import io.vpcflow.digesterd.marker.StoredMarker;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Markers in a map, with compare-and-set on a version counter. */
public final class InMemoryMarkerStore implements MarkerStore {
  private final Map<UUID, StoredMarker> markers = new HashMap<>();
  private long versions;

  @Override
  public synchronized Optional<StoredMarker> read(UUID id) {
    return Optional.ofNullable(markers.get(id));
  }

  @Override
  public synchronized Optional<String> create(UUID id, Marker marker) {
    if (markers.containsKey(id)) {
      return Optional.empty();
    }
    return Optional.of(put(id, marker));
  }

  @Override
  public synchronized Optional<String> replace(UUID id, Marker marker, String version) {
    StoredMarker current = markers.get(id);
    if (current == null || !current.version().equals(version)) {
      return Optional.empty();
    }
    return Optional.of(put(id, marker));
  }

  private String put(UUID id, Marker marker) {
    String version = "v" + ++versions;
    markers.put(id, new StoredMarker(marker, version));
    return version;
  }

  /** The marker of {@code id}, which must exist. */
  public synchronized Marker get(UUID id) {
    return markers.get(id).marker();
  }
}
