package io.vpcflow.digesterd.http;

import io.vpcflow.digesterd.view.InvalidParameterException;
import io.vpcflow.digesterd.window.DigestWindow;
import io.vpcflow.digesterd.window.InvalidWindowException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import spark.Request;

/**
 * The query parameters of a view route: only those the route names are accepted (another is a 400
 * naming it), each at most once, read from the URL query only. Windows are read as for {@code GET
 * /}, under a prefix for {@code /diff} ({@code previous_start}, ...), and named so in errors.
 */
final class ViewParams {
  private final QueryString query;

  private ViewParams(QueryString query) {
    this.query = query;
  }

  /**
   * The parameters of {@code req}, which may name only {@code accepted}.
   *
   * @throws InvalidParameterException naming an unknown or repeated parameter
   */
  static ViewParams of(Request req, Set<String> accepted) {
    QueryString query;
    try {
      query = QueryString.parse(req.raw().getQueryString());
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(
          "query", "the query string is not URL-encoded UTF-8: " + e.getMessage());
    }
    for (String name : query.names()) {
      if (!accepted.contains(name)) {
        throw new InvalidParameterException(
            name,
            "unknown parameter '"
                + name
                + "' on "
                + req.pathInfo()
                + ": use "
                + String.join(", ", new TreeSet<>(accepted)));
      }
      if (query.all(name).size() > 1) {
        throw new InvalidParameterException(
            name,
            "parameter '" + name + "' is given " + query.all(name).size() + " times: give it once");
      }
    }
    return new ViewParams(query);
  }

  /** The value of {@code name}, or null when absent. */
  String get(String name) {
    List<String> values = query.all(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /**
   * The window of {@code <prefix>start} and {@code <prefix>stop}.
   *
   * @throws InvalidWindowException naming the prefixed parameter
   */
  DigestWindow window(String prefix, Duration maxWindow) {
    try {
      return DigestWindow.parse(bound(prefix + "start"), bound(prefix + "stop"), maxWindow);
    } catch (InvalidWindowException e) {
      if (prefix.isEmpty()) {
        throw e;
      }
      String named =
          e.getMessage()
              .replace("'start'", "'" + prefix + "start'")
              .replace("'stop'", "'" + prefix + "stop'");
      String message =
          named.equals(e.getMessage())
              ? "parameter '" + prefix + e.parameter() + "': " + named
              : named;
      throw new InvalidWindowException(prefix + e.parameter(), message);
    }
  }

  /**
   * The time {@code name} gives (RFC 3339, any offset), or {@code otherwise} when absent.
   *
   * @throws InvalidParameterException naming it when it is not such a time
   */
  Instant instant(String name, Instant otherwise) {
    String value = get(name);
    if (value == null) {
      return otherwise;
    }
    try {
      return OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(
          name, "parameter '" + name + "' must be an RFC 3339 time, not '" + value + "'");
    }
  }

  /**
   * A window bound as {@link WindowParams} reads it: spaces around dropped, a space read as {@code
   * +}.
   */
  private String bound(String name) {
    String value = get(name);
    return value == null ? null : value.replaceAll("^ +| +$", "").replace(' ', '+');
  }
}
