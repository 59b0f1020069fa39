package io.vpcflow.digesterd.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Reads and writes {@link DigestSummary} as JSON. */
public final class DigestSummaryJson {
  private static final ObjectMapper MAPPER =
      ReportJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DigestSummaryJson() {}

  /** The summary as pretty-printed JSON. */
  public static String write(DigestSummary summary) {
    try {
      return MAPPER.writeValueAsString(summary);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a summary is always serialisable", e);
    }
  }

  /**
   * Parses a summary.
   *
   * @throws JsonProcessingException when the text is not a summary
   */
  public static DigestSummary read(String json) throws JsonProcessingException {
    return MAPPER.readValue(json, DigestSummary.class);
  }
}
