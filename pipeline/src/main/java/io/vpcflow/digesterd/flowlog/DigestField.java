package io.vpcflow.digesterd.flowlog;

/**
 * The flow-log fields a digest reads, by their AWS header names. All other fields of a format
 * (vpc-id, tcp-flags, ecs-*, ...) are accepted and ignored.
 */
public enum DigestField {
  VERSION("version"),
  ACCOUNT_ID("account-id"),
  INTERFACE_ID("interface-id"),
  SRCADDR("srcaddr"),
  DSTADDR("dstaddr"),
  SRCPORT("srcport"),
  DSTPORT("dstport"),
  PROTOCOL("protocol"),
  PACKETS("packets"),
  BYTES("bytes"),
  START("start"),
  END("end"),
  ACTION("action"),
  LOG_STATUS("log-status");

  private final String headerName;

  DigestField(String headerName) {
    this.headerName = headerName;
  }

  /** The field's name as it appears in a flow-log header line. */
  public String headerName() {
    return headerName;
  }

  /**
   * Whether the field is a number: a decimal of at most 18 digits, or {@code -} for no value
   * (srcport, dstport, protocol, packets, bytes, start, end).
   */
  public boolean isNumber() {
    return this == SRCPORT
        || this == DSTPORT
        || this == PROTOCOL
        || this == PACKETS
        || this == BYTES
        || this == START
        || this == END;
  }

  /**
   * Whether a record cannot be digested without this field: the addresses, the counters and the
   * start time (the window filter). The other fields print as {@code -} when a format lacks them.
   */
  public boolean requiredByDigest() {
    return this == SRCADDR || this == DSTADDR || this == PACKETS || this == BYTES || this == START;
  }
}
