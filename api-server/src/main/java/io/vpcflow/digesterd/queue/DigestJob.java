package io.vpcflow.digesterd.queue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.vpcflow.digesterd.window.DigestWindow;
import io.vpcflow.digesterd.window.InvalidWindowException;
import java.time.Duration;

/**
 * The job a queuer delivers to a worker, as upstream: {@code {"id","start","stop"}} with RFC 3339
 * times. Fields may be null in a job as received; {@link #window} validates it.
 *
 * @param id the digest id
 * @param start the window start
 * @param stop the window stop
 */
public record DigestJob(String id, String start, String stop) {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** The job of {@code window}. */
  public static DigestJob of(DigestWindow window) {
    return new DigestJob(
        window.digestId().toString(), window.start().toString(), window.stop().toString());
  }

  /**
   * Parses a job strictly: one JSON object with no other fields than {@code id}, {@code start} and
   * {@code stop}, each at most once, and nothing after it.
   *
   * @throws InvalidWindowException naming {@code body} when it is not such an object
   */
  public static DigestJob parse(String json) {
    try {
      DigestJob job = MAPPER.readValue(json, DigestJob.class);
      if (job == null) {
        throw new InvalidWindowException(
            "body", "the body must be a JSON object {\"id\",\"start\",\"stop\"}");
      }
      return job;
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidWindowException(
          "body",
          "unknown field '"
              + e.getPropertyName()
              + "': a job has only the fields id, start and stop");
    } catch (JsonProcessingException e) {
      throw new InvalidWindowException(
          "body",
          "the body must be a JSON object {\"id\",\"start\",\"stop\"}: " + e.getOriginalMessage());
    }
  }

  /** The job as JSON. */
  public String toJson() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a job is always serialisable", e);
    }
  }

  /**
   * The window of the job, validated with the API's rule, and checked against the id.
   *
   * @throws InvalidWindowException naming the bad field
   */
  public DigestWindow window(Duration maxWindow) {
    DigestWindow window = DigestWindow.parse(start, stop, maxWindow);
    if (id == null || id.isBlank()) {
      throw new InvalidWindowException("id", "missing required field 'id'");
    }
    if (!id.trim().equalsIgnoreCase(window.digestId().toString())) {
      throw new InvalidWindowException(
          "id",
          "field 'id' ("
              + id
              + ") is not the id of the window "
              + window
              + ": "
              + window.digestId());
    }
    return window;
  }
}
