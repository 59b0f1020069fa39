package io.vpcflow.digesterd.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the route table answers for paths and methods, as 405 answers and metric tags use it. */
class RouteTableTest {
  @Test
  void methodsOfEachKindOfPath() {
    assertEquals(List.of("GET", "HEAD", "POST"), Routes.methods("/"));
    assertEquals(List.of("GET", "HEAD", "POST"), Routes.methods(""));
    assertEquals(List.of("GET", "HEAD"), Routes.methods("/status"));
    assertEquals(List.of("GET", "HEAD"), Routes.methods("/ui"));
    // The worker route takes a POST to any two-segment path, the web page's files included.
    assertEquals(List.of("GET", "HEAD", "POST"), Routes.methods("/ui/app.js"));
    assertEquals(List.of("POST"), Routes.methods("/digests/digest"));
    assertEquals(List.of("POST"), Routes.methods("/ui/missing.js"));
    assertEquals(List.of(), Routes.methods("/a/b/c"));
  }

  @Test
  void metricTagsAreTheEndpointsPathsNeverARawPath() {
    assertEquals("/", Routes.routeOf("POST", "/"));
    assertEquals("/", Routes.routeOf("HEAD", ""));
    assertEquals("/healthcheck", Routes.routeOf("GET", "/healthcheck"));
    assertEquals(
        "/status", Routes.routeOf("DELETE", "/status"), "a 405 is tagged with the path's endpoint");
    assertEquals("/ui/{file}", Routes.routeOf("GET", "/ui/vendor/README.txt"));
    assertEquals("/ui", Routes.routeOf("GET", "/ui"));
    assertEquals("/{topic}/{event}", Routes.routeOf("POST", "/digests/digest"));
    assertEquals("unmatched", Routes.routeOf("GET", "/secret/path/of/a/scanner"));
    assertEquals(
        "/{topic}/{event}", Routes.routeOf("GET", "/ui/missing.js"), "answered 405, Allow: POST");
  }
}
