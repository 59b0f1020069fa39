package io.vpcflow.digesterd.connstate;

/** The states of a server connection, as in Go's {@code http.ConnState}. */
public enum ConnectionState {
  /** Accepted; no request begun yet. */
  NEW,
  /** Handling a request. */
  ACTIVE,
  /** Open between requests (kept alive). */
  IDLE,
  /** Taken over by another protocol (an HTTP upgrade); no longer an HTTP connection. */
  HIJACKED,
  /** Closed. */
  CLOSED;

  /** Whether a connection in this state is still open as an HTTP connection. */
  public boolean open() {
    return this == NEW || this == ACTIVE || this == IDLE;
  }
}
