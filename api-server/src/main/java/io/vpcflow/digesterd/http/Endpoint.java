package io.vpcflow.digesterd.http;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One operation of the API, as {@link Routes#ENDPOINTS} declares it once for routing, 405 answers,
 * metric tags, authentication and the {@code api.yaml} check.
 *
 * @param method the HTTP method (a GET endpoint also answers HEAD)
 * @param path the path as {@code api.yaml} names it and metrics tag it ({@code /{topic}/{event}})
 * @param installedAt the paths given to the HTTP server for it ({@code /:topic/:event})
 * @param matches whether a request path is this endpoint's
 * @param open whether it is answered without the API token
 * @param handler the handler, given the routes
 */
record Endpoint(
    String method,
    String path,
    List<String> installedAt,
    Predicate<String> matches,
    boolean open,
    Function<Routes, spark.Route> handler) {

  /** An endpoint at one fixed path. */
  static Endpoint at(
      String method, String path, boolean open, Function<Routes, spark.Route> handler) {
    return new Endpoint(method, path, List.of(path), path::equals, open, handler);
  }

  /** An endpoint at the request paths {@code pattern} matches, installed at {@code installedAt}. */
  static Endpoint matching(
      String method,
      String path,
      List<String> installedAt,
      Pattern pattern,
      boolean open,
      Function<Routes, spark.Route> handler) {
    return new Endpoint(
        method, path, installedAt, p -> pattern.matcher(p).matches(), open, handler);
  }

  /** Whether it answers {@code requestMethod} (HEAD by a GET endpoint). */
  boolean answers(String requestMethod) {
    return method.equals(requestMethod) || (method.equals("GET") && requestMethod.equals("HEAD"));
  }
}
