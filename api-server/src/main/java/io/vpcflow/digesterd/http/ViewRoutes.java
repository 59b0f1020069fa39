package io.vpcflow.digesterd.http;

import io.vpcflow.digesterd.service.Digests;
import io.vpcflow.digesterd.service.WindowState;
import io.vpcflow.digesterd.view.DigestDiff;
import io.vpcflow.digesterd.view.DigestReader;
import io.vpcflow.digesterd.view.DigestSource;
import io.vpcflow.digesterd.view.GraphFormat;
import io.vpcflow.digesterd.view.GraphWriter;
import io.vpcflow.digesterd.view.Query;
import io.vpcflow.digesterd.view.QueryWriter;
import io.vpcflow.digesterd.view.RecordFilter;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Request;
import spark.Response;

/**
 * The view routes, {@code GET /graph}, {@code GET /diff} and {@code GET /query} (installed by
 * {@link Routes}): each reads its stored digest(s) once, streaming, through the {@code view}
 * package. Before anything is written the digest must be done: 204 while it is queued or running
 * (for {@code /diff}: either of the two), 404 when it was never requested (naming {@code previous}
 * or {@code next}), 424 when it failed. A failure after the answer has started (storage lost, a
 * damaged digest) cannot change its status: the connection is aborted, so the client sees an
 * incomplete answer, and the failure is logged.
 */
final class ViewRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ViewRoutes.class);
  private static final Set<String> WINDOW = Set.of("start", "stop");

  private final Digests digests;
  private final Duration maxWindow;

  ViewRoutes(Digests digests, Duration maxWindow) {
    this.digests = digests;
    this.maxWindow = maxWindow;
  }

  /** {@code GET /graph?start=&stop=[&format=dot|json][&limit=N]}. */
  Object graph(Request req, Response res) throws IOException {
    ViewParams params = ViewParams.of(req, union(WINDOW, Set.of("format", "limit")));
    DigestWindow window = params.window("", maxWindow);
    GraphFormat format = GraphFormat.parse("format", params.get("format"));
    int limit = GraphWriter.limit("limit", params.get("limit"));
    Optional<InputStream> digest = openDone(window, "");
    if (digest.isEmpty()) {
      return noContent(res);
    }
    return stream(
        req,
        res,
        format.mediaType(),
        List.of(digest.get()),
        out -> {
          try (DigestReader reader = new DigestReader(digest.get())) {
            GraphWriter.write(reader, out, format, limit);
          }
        });
  }

  /** {@code GET /diff?previous_start=&previous_stop=&next_start=&next_stop=[&format=dot|json]}. */
  Object diff(Request req, Response res) throws IOException {
    ViewParams params =
        ViewParams.of(
            req, Set.of("previous_start", "previous_stop", "next_start", "next_stop", "format"));
    DigestWindow previous = params.window("previous_", maxWindow);
    DigestWindow next = params.window("next_", maxWindow);
    GraphFormat format = GraphFormat.parse("format", params.get("format"));
    WindowState before = digests.state(previous);
    WindowState after = digests.state(next);
    requireRequested(before, "previous_");
    requireRequested(after, "next_");
    if (building(before) || building(after)) {
      return noContent(res);
    }
    Optional<InputStream> a = openDone(previous, "previous_");
    Optional<InputStream> b = a.isEmpty() ? Optional.empty() : openDone(next, "next_");
    if (b.isEmpty()) {
      if (a.isPresent()) {
        a.get().close();
      }
      return noContent(res);
    }
    DigestSource p = reopenable(a.get(), previous);
    DigestSource n = reopenable(b.get(), next);
    return stream(
        req,
        res,
        format.mediaType(),
        List.of(a.get(), b.get()),
        out -> DigestDiff.write(p, n, out, format));
  }

  /**
   * The digest of {@code window}: {@code first} on the first open, a new stream from storage after.
   */
  private DigestSource reopenable(InputStream first, DigestWindow window) {
    AtomicReference<InputStream> unused = new AtomicReference<>(first);
    return () -> {
      InputStream in = unused.getAndSet(null);
      return in != null
          ? in
          : digests
              .open(window.digestId())
              .orElseThrow(() -> new IOException("digest " + window.digestId() + " left storage"));
    };
  }

  /** {@code GET /query?start=&stop=[filters][&top=N&by=bytes|packets][&format=json|csv|ndjson]}. */
  Object query(Request req, Response res) throws IOException {
    ViewParams params =
        ViewParams.of(
            req, union(union(WINDOW, RecordFilter.PARAMETERS), Set.of("top", "by", "format")));
    DigestWindow window = params.window("", maxWindow);
    Query query = Query.parse(params::get);
    Optional<InputStream> digest = openDone(window, "");
    if (digest.isEmpty()) {
      return noContent(res);
    }
    return stream(
        req,
        res,
        query.format().mediaType(),
        List.of(digest.get()),
        out -> {
          try (DigestReader reader = new DigestReader(digest.get())) {
            QueryWriter.write(reader, query, out);
          }
        });
  }

  /**
   * The stored digest of {@code window}; empty while it is queued or running.
   *
   * @throws ApiException 404 when never requested or not in storage, 424 when it failed
   */
  private Optional<InputStream> openDone(DigestWindow window, String side) throws IOException {
    WindowState state = digests.state(window);
    requireRequested(state, side);
    if (building(state)) {
      return Optional.empty();
    }
    Optional<InputStream> digest = digests.open(window.digestId());
    if (digest.isEmpty()) {
      throw new ApiException(
          404, "not-found", label(side) + "digest " + window.digestId() + " is not in storage");
    }
    return digest;
  }

  private static boolean building(WindowState state) {
    return switch (state.state()) {
      case QUEUED, RUNNING -> true;
      default -> false;
    };
  }

  /** Refuses a window never requested (404) or failed (424), naming its side in a diff. */
  private static void requireRequested(WindowState state, String side) {
    String id = state.window().digestId().toString();
    switch (state.state()) {
      case ABSENT ->
          throw new ApiException(
              404,
              "not-found",
              label(side)
                  + "digest "
                  + id
                  + " of "
                  + state.window()
                  + " was never requested: POST the window first");
      case FAILED ->
          throw new ApiException(
              424,
              "digest-failed",
              label(side)
                  + "digest "
                  + id
                  + " failed: "
                  + state.reason()
                  + "; POST the window again to retry");
      default -> {}
    }
  }

  private static String label(String side) {
    return side.isEmpty() ? "" : "the " + side.substring(0, side.length() - 1) + " window's ";
  }

  private static Object noContent(Response res) {
    res.status(204);
    res.type(Json.TYPE);
    return "";
  }

  @FunctionalInterface
  private interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Answers 200 with {@code type} and the body {@code body} writes straight to the connection;
   * {@code inputs} are closed in any case.
   */
  private static Object stream(
      Request req, Response res, String type, List<InputStream> inputs, Body body)
      throws IOException {
    res.status(200);
    res.type(type + (type.startsWith("text/") ? "; charset=utf-8" : ""));
    try {
      OutputStream out = res.raw().getOutputStream();
      body.writeTo(out);
      out.flush();
    } catch (IOException | RuntimeException e) {
      LOG.atWarn()
          .addKeyValue("event", "view-failed")
          .setCause(e)
          .log(
              "{} {}?{} failed while answering: {}",
              req.requestMethod(),
              req.pathInfo(),
              req.queryString(),
              e.getMessage());
      org.eclipse.jetty.server.Request.getBaseRequest(req.raw()).getHttpChannel().abort(e);
    } finally {
      for (InputStream in : inputs) {
        in.close();
      }
    }
    return "";
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
