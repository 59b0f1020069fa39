package io.vpcflow.digesterd.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON conventions of every document this service stores (summaries, markers, the stream's
 * status): {@code java.time} instants as RFC 3339 text in UTC ({@code 2024-05-01T00:00:00Z}, with
 * as many fraction digits as needed), unknown fields ignored when read.
 */
public final class ReportJson {
  private ReportJson() {}

  /** A new mapper with those conventions. */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
