package io.vpcflow.digesterd.http;

import io.vpcflow.digesterd.window.DigestWindow;
import io.vpcflow.digesterd.window.InvalidWindowException;
import java.time.Duration;
import java.util.List;
import spark.Request;

/** The window of a request's {@code start} and {@code stop} query parameters. */
final class WindowParams {
  private WindowParams() {}

  /**
   * The validated window. Only the URL's query is read (never a form body); each parameter must be
   * given once. A space in a time is read as {@code +}: an offset like {@code +02:00} sent without
   * URL-encoding arrives as a space.
   *
   * @throws InvalidWindowException naming the bad parameter (or {@code query} when the query string
   *     is not valid URL encoding of UTF-8)
   */
  static DigestWindow window(Request req, Duration maxWindow) {
    QueryString query = query(req);
    return DigestWindow.parse(param(query, "start"), param(query, "stop"), maxWindow);
  }

  /**
   * Whether the request names a window at all: {@code start} or {@code stop} is in its query.
   *
   * @throws InvalidWindowException (naming {@code query}) when the query string is not valid URL
   *     encoding of UTF-8
   */
  static boolean given(Request req) {
    QueryString query = query(req);
    return !query.all("start").isEmpty() || !query.all("stop").isEmpty();
  }

  private static QueryString query(Request req) {
    try {
      return QueryString.parse(req.raw().getQueryString());
    } catch (IllegalArgumentException e) {
      throw new InvalidWindowException(
          "query", "the query string is not URL-encoded UTF-8: " + e.getMessage());
    }
  }

  private static String param(QueryString query, String name) {
    List<String> values = query.all(name);
    if (values.size() > 1) {
      throw new InvalidWindowException(
          name, "parameter '" + name + "' is given " + values.size() + " times: give it once");
    }
    // Spaces only: a '+' of an offset arrives as a space; control characters reach the window's
    // rule, which refuses them.
    return values.isEmpty() ? null : values.get(0).replaceAll("^ +| +$", "").replace(' ', '+');
  }
}
