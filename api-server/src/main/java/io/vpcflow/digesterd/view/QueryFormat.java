package io.vpcflow.digesterd.view;

/** The forms a query's records are written in. */
public enum QueryFormat {
  /** One JSON object: {@code records} and the counts. */
  JSON("application/json"),
  /** A header line of the field names, then one line per record (RFC 4180 quoting). */
  CSV("text/csv"),
  /** One JSON object per line, one per record. */
  NDJSON("application/x-ndjson");

  private final String mediaType;

  QueryFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The media type of the output. */
  public String mediaType() {
    return mediaType;
  }

  /**
   * The format named {@code value}: {@code json} (also when null), {@code csv} or {@code ndjson}.
   *
   * @throws InvalidParameterException naming {@code parameter} for anything else
   */
  public static QueryFormat parse(String parameter, String value) {
    return Choices.parse(QueryFormat.class, parameter, value);
  }
}
