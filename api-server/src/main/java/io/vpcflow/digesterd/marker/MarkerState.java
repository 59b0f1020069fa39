package io.vpcflow.digesterd.marker;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a digest is in its life, as written in its marker (lower case in JSON). */
public enum MarkerState {
  /** Accepted and waiting for a worker. */
  QUEUED,
  /** A worker builds it. */
  RUNNING,
  /** Built and stored. */
  DONE,
  /** The last attempt failed; the marker says why. A new request retries it. */
  FAILED;

  /** Whether the digest is being worked on (queued or running). */
  public boolean inProgress() {
    return this == QUEUED || this == RUNNING;
  }

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state named {@code label} (any case). */
  @JsonCreator
  public static MarkerState of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
