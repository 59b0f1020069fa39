package io.vpcflow.digesterd.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vpcflow.digesterd.report.ReportJson;

/** Reads and writes {@link StreamStatus} as JSON (unknown fields are ignored when read). */
public final class StreamStatusJson {
  private static final ObjectMapper MAPPER =
      ReportJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StreamStatusJson() {}

  /** The status as pretty-printed JSON. */
  public static String write(StreamStatus status) {
    try {
      return MAPPER.writeValueAsString(status);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stream status is always serialisable", e);
    }
  }

  /**
   * Parses a status.
   *
   * @throws JsonProcessingException when the text is not a stream status
   */
  public static StreamStatus read(String json) throws JsonProcessingException {
    return MAPPER.readValue(json, StreamStatus.class);
  }
}
