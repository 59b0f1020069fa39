package io.vpcflow.digesterd.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpcflow.digesterd.report.ReportJson;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON bodies of the API. */
final class Json {
  static final String TYPE = "application/json";

  private static final ObjectMapper MAPPER = ReportJson.mapper();

  private Json() {}

  /** {@code {"message": message}}. */
  static String message(String message) {
    return write(Map.of("message", message));
  }

  /** {@code {"message": message, "id": id}}. */
  static String message(String message, String id) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("message", message);
    body.put("id", id);
    return write(body);
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("API bodies are always serialisable", e);
    }
  }
}
