package io.vpcflow.digesterd.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import spark.Request;
import spark.Response;

/**
 * The web page at {@code GET /ui} and its files at {@code GET /ui/<file>}, served from the jar's
 * {@code ui/} resources: only the files listed in {@link #FILES}, read once. They hold no data (the
 * page asks the API, with the token typed into it), so they need no token. Answers carry a content
 * security policy allowing scripts from this server only.
 */
final class UiRoutes {
  /** The request paths and their resources and media types. */
  static final Map<String, String[]> FILES = new LinkedHashMap<>();

  static {
    FILES.put("/ui", new String[] {"ui/index.html", "text/html; charset=utf-8"});
    FILES.put("/ui/app.js", new String[] {"ui/app.js", "text/javascript; charset=utf-8"});
    FILES.put("/ui/app.css", new String[] {"ui/app.css", "text/css; charset=utf-8"});
    FILES.put(
        "/ui/vendor/cytoscape.min.js",
        new String[] {"ui/vendor/cytoscape.min.js", "text/javascript; charset=utf-8"});
    FILES.put(
        "/ui/vendor/cytoscape-LICENSE.txt",
        new String[] {"ui/vendor/cytoscape-LICENSE.txt", "text/plain; charset=utf-8"});
    FILES.put(
        "/ui/vendor/README.txt",
        new String[] {"ui/vendor/README.txt", "text/plain; charset=utf-8"});
  }

  private static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none';"
          + " base-uri 'none'; frame-ancestors 'none'";

  private final Map<String, byte[]> bodies = new LinkedHashMap<>();

  UiRoutes() {
    for (Map.Entry<String, String[]> file : FILES.entrySet()) {
      try (InputStream in =
          UiRoutes.class.getClassLoader().getResourceAsStream(file.getValue()[0])) {
        if (in == null) {
          throw new IllegalStateException(file.getValue()[0] + " is missing from the classpath");
        }
        bodies.put(file.getKey(), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Whether {@code path} is one of the page's files. */
  static boolean serves(String path) {
    return FILES.containsKey(path);
  }

  Object file(Request req, Response res) {
    String path = req.pathInfo();
    res.type(FILES.get(path)[1]);
    res.header("Content-Security-Policy", POLICY);
    res.header("X-Content-Type-Options", "nosniff");
    res.header("Referrer-Policy", "no-referrer");
    return bodies.get(path);
  }
}
