package io.vpcflow.digesterd.http;

/** An answer other than success, thrown by a route and written by {@link ApiErrors}. */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String event;

  /**
   * @param status the HTTP status
   * @param event the log event name ({@code conflict}, {@code not-found}, ...)
   * @param message the {@code message} of the JSON body
   */
  ApiException(int status, String event, String message) {
    super(message);
    this.status = status;
    this.event = event;
  }

  int status() {
    return status;
  }

  String event() {
    return event;
  }
}
