package io.vpcflow.digesterd.marker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpcflow.digesterd.report.ReportJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Reads and writes marker bodies. Also reads upstream's markers, whose body is a bare RFC 3339
 * time: they become running markers of unknown owner updated at that time, so they go stale and are
 * taken over like ours.
 */
final class MarkerJson {
  private static final ObjectMapper MAPPER = ReportJson.mapper();

  private MarkerJson() {}

  static byte[] write(Marker marker) {
    try {
      return MAPPER.writeValueAsBytes(marker);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a marker is always serialisable", e);
    }
  }

  /**
   * Parses the body of the marker of {@code id}; a body that is neither ours nor upstream's counts
   * as a running marker written at {@code lastModified}.
   */
  static Marker read(UUID id, byte[] body, Instant lastModified) {
    String text = new String(body, StandardCharsets.UTF_8).trim();
    if (text.startsWith("{")) {
      try {
        Marker marker = MAPPER.readValue(text, Marker.class);
        if (marker.state() != null && marker.updatedAt() != null) {
          return marker;
        }
      } catch (JsonProcessingException | DateTimeParseException e) {
        // not ours: handled below
      }
    }
    Instant written;
    try {
      written = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      written = lastModified;
    }
    return new Marker(
        id.toString(),
        null,
        null,
        MarkerState.RUNNING,
        1,
        "unknown",
        null,
        written,
        written,
        null,
        Progress.NONE,
        null,
        null,
        null);
  }
}
