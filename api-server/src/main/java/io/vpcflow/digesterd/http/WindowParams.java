package io.vpcflow.digesterd.http;

import io.vpcflow.digesterd.window.DigestWindow;
import io.vpcflow.digesterd.window.InvalidWindowException;
import java.time.Duration;
import spark.Request;

/** The window of a request's {@code start} and {@code stop} query parameters. */
final class WindowParams {
  private WindowParams() {}

  /**
   * The validated window. A space in a time is read as {@code +}: an offset like {@code +02:00}
   * sent without URL-encoding arrives as a space.
   *
   * @throws InvalidWindowException naming the bad parameter
   */
  static DigestWindow window(Request req, Duration maxWindow) {
    return DigestWindow.parse(param(req, "start"), param(req, "stop"), maxWindow);
  }

  private static String param(Request req, String name) {
    String value = req.queryParams(name);
    return value == null ? null : value.strip().replace(' ', '+');
  }
}
