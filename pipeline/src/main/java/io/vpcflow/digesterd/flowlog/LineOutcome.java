package io.vpcflow.digesterd.flowlog;

/**
 * What became of one line of a flow-log object. Every line gets exactly one outcome, so the counts
 * of an object always add up to its number of lines.
 */
public enum LineOutcome {
  /** An {@code OK} record whose start lies in the window: added to the digest. */
  DIGESTED("digested", false),
  /** An {@code OK} record whose start lies outside the window: belongs to another digest. */
  OUTSIDE_WINDOW("outside-window", false),
  /** A {@code NODATA} record: no traffic in the interval. Counted, not digested. */
  NODATA("nodata", false),
  /** A {@code SKIPDATA} record: AWS skipped records in the interval. Counted, not digested. */
  SKIPDATA("skipdata", false),
  /** A header line naming the fields (first line of an object, or repeated). */
  HEADER("header", false),
  /** An empty or whitespace-only line. */
  BLANK("blank", false),
  /** A record whose number of fields differs from its format's. */
  WRONG_FIELD_COUNT("wrong-field-count", true),
  /** A numeric field (port, protocol, packets, bytes, start, end) that is not a number. */
  NON_NUMERIC("non-numeric", true),
  /** A port outside 0..65535 or a protocol outside 0..255. */
  OUT_OF_RANGE("out-of-range", true),
  /** A line longer than the configured cap; the rest of it is discarded unread. */
  LINE_TOO_LONG("line-too-long", true),
  /** A line that is not valid UTF-8. */
  INVALID_UTF8("invalid-utf8", true),
  /** An {@code OK} record with {@code -} in a field the digest needs. */
  MISSING_VALUE("missing-value", true),
  /** A {@code log-status} other than OK, NODATA or SKIPDATA. */
  UNKNOWN_LOG_STATUS("unknown-log-status", true),
  /** A record of a format that lacks fields the digest needs (reported once per object). */
  FORMAT_LACKS_FIELDS("format-lacks-fields", true),
  /**
   * A Parquet row with a value no text line could hold: white space or a control character in a
   * text column, or a column type that cannot hold the field (such as INT96).
   */
  INVALID_VALUE("invalid-value", true);

  private final String label;
  private final boolean malformed;

  LineOutcome(String label, boolean malformed) {
    this.label = label;
    this.malformed = malformed;
  }

  /** The stable, kebab-case name used in summaries, JSON and logs. */
  public String label() {
    return label;
  }

  /** Whether the line was skipped because it is broken (as opposed to counted by design). */
  public boolean isMalformed() {
    return malformed;
  }
}
