package io.vpcflow.digesterd.service;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a window's digest is, as the API reports it (lower case in JSON). */
public enum DigestState {
  /** Never requested, or requested and since removed from storage. */
  ABSENT,
  /** Accepted, waiting for a worker. */
  QUEUED,
  /** A worker builds it. */
  RUNNING,
  /** Stored: GET returns it. */
  DONE,
  /** The last attempt failed or was abandoned; a new POST retries it. */
  FAILED;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
