package io.vpcflow.digesterd.http;

import io.vpcflow.digesterd.config.ApiToken;
import io.vpcflow.digesterd.queue.DigestJob;
import io.vpcflow.digesterd.service.CreateResult;
import io.vpcflow.digesterd.service.Digests;
import io.vpcflow.digesterd.service.ServiceStatus;
import io.vpcflow.digesterd.service.WindowState;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vpcflow.digesterd.stats.Stats;
import java.util.concurrent.TimeUnit;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The route table of the API, described in {@code api.yaml}:
 *
 * <ul>
 *   <li>{@code POST /?start=&stop=}: 202 queued; 409 exists or in progress; 400 bad parameter
 *   <li>{@code GET /?start=&stop=}: 200 the gzip'd digest ({@code application/octet-stream}); 204
 *       in progress; 404 never requested; 424 failed (the reason in the message)
 *   <li>{@code GET /status?start=&stop=}: 200 the digest's status as JSON; {@code GET /status}
 *       without {@code start} and {@code stop}: 200 {@code {"stream": ...}}, what the stream last
 *       reported
 *   <li>{@code POST /{topic}/{event}}: the worker entry, body {@code {"id","start","stop"}}; 202
 *       accepted for building in this process; 400 a bad job or path segment, 413 a body over
 *       {@link JobBody#MAX_BYTES}, 415 a Content-Type other than JSON
 *   <li>{@code GET /graph}, {@code GET /diff}, {@code GET /query}: views of stored digests
 *       ({@link ViewRoutes}); {@code GET /digests}: the stored digests overlapping a time range
 *       ({@link DigestListRoute})
 *   <li>{@code GET /ui} and {@code GET /ui/<file>}: the web page ({@link UiRoutes})
 *   <li>{@code GET /healthcheck}: 200; {@code GET /api.yaml}: the OpenAPI description
 * </ul>
 *
 * <p>Another method on one of these paths is answered 405 with {@code Allow}. With an API token,
 * every route but {@code GET /healthcheck} and the web page's files first requires {@code
 * Authorization: Bearer <token>}
 * (401 otherwise, also for unknown routes).
 */
public final class Routes {
  private static final String OCTET_STREAM = "application/octet-stream";
  private static final String STARTED = "digesterd.started";
  private static final Pattern WORKER_PATH = Pattern.compile("/[^/]+/[^/]+/?");
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

  private final Digests digests;
  private final Duration maxWindow;
  private final byte[] apiYaml;
  private final MeterRegistry meters;
  private final Optional<BearerAuth> auth;
  private final ViewRoutes views;
  private final DigestListRoute digestList;
  private final UiRoutes ui = new UiRoutes();

  /**
   * @param digests what the requests do
   * @param maxWindow the longest window accepted ({@code DIGEST_MAX_WINDOW})
   */
  public Routes(Digests digests, Duration maxWindow) {
    this(digests, maxWindow, Stats.none());
  }

  /**
   * @param digests what the requests do
   * @param maxWindow the longest window accepted ({@code DIGEST_MAX_WINDOW})
   * @param meters where the {@code http.requests} timer is recorded (see {@link Stats})
   */
  public Routes(Digests digests, Duration maxWindow, MeterRegistry meters) {
    this(digests, maxWindow, meters, Optional.empty());
  }

  /**
   * @param digests what the requests do
   * @param maxWindow the longest window accepted ({@code DIGEST_MAX_WINDOW})
   * @param meters where the {@code http.requests} timer is recorded (see {@link Stats})
   * @param token the bearer token requests must carry ({@code DIGESTERD_AUTH_TOKEN}); empty: none
   */
  public Routes(Digests digests, Duration maxWindow, MeterRegistry meters, Optional<ApiToken> token) {
    this.auth = token.map(BearerAuth::new);
    this.meters = meters;
    this.digests = digests;
    this.maxWindow = maxWindow;
    this.views = new ViewRoutes(digests, maxWindow);
    this.digestList = new DigestListRoute(digests);
    try (InputStream in = Routes.class.getResourceAsStream("/api.yaml")) {
      if (in == null) {
        throw new IllegalStateException("api.yaml is missing from the classpath");
      }
      this.apiYaml = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void install(Service http) {
    http.before((req, res) -> req.attribute(STARTED, System.nanoTime()));
    http.afterAfter((req, res) -> {
      Object started = req.attribute(STARTED);
      if (started instanceof Long nanos) {
        Timer.builder("http.requests")
            .tag("method", req.requestMethod())
            .tag("route", routeOf(req.requestMethod(), req.pathInfo()))
            .tag("status", Integer.toString(res.raw().getStatus()))
            .register(meters)
            .record(System.nanoTime() - nanos, TimeUnit.NANOSECONDS);
      }
    });
    auth.ifPresent(bearer -> http.before((req, res) -> {
      if (!isPublic(req) && !bearer.allows(req.headers("Authorization"))) {
        throw new ApiException(401, "unauthorized", "unauthorized");
      }
    }));
    http.post("/", this::create);
    http.get("/", this::fetch);
    http.get("/status", this::status);
    http.get("/graph", views::graph);
    http.get("/diff", views::diff);
    http.get("/query", views::query);
    http.get("/digests", digestList::list);
    for (String page : UiRoutes.FILES.keySet()) {
      http.get(page, ui::file);
    }
    http.get("/healthcheck", (req, res) -> {
      res.type(Json.TYPE);
      return Json.message("ok");
    });
    http.get("/api.yaml", (req, res) -> {
      res.type("application/yaml");
      return apiYaml;
    });
    http.post("/:topic/:event", this::work);
    ApiErrors.install(http);
  }

  private Object create(Request req, Response res) throws Exception {
    DigestWindow window = WindowParams.window(req, maxWindow);
    CreateResult result = digests.create(window);
    if (result.outcome() != CreateResult.Outcome.QUEUED) {
      throw new ApiException(409, "conflict", result.message());
    }
    res.status(202);
    res.type(Json.TYPE);
    return Json.message(result.message(), window.digestId().toString());
  }

  private Object fetch(Request req, Response res) throws IOException {
    DigestWindow window = WindowParams.window(req, maxWindow);
    String id = window.digestId().toString();
    WindowState state = digests.state(window);
    switch (state.state()) {
      case DONE -> {
        Optional<InputStream> digest = digests.open(window.digestId());
        if (digest.isPresent()) {
          res.status(200);
          res.type(OCTET_STREAM);
          return digest.get();
        }
        throw new ApiException(404, "not-found", "digest " + id + " is not in storage");
      }
      case QUEUED, RUNNING -> {
        res.status(204);
        res.type(Json.TYPE);
        return "";
      }
      case FAILED -> throw new ApiException(
          424, "digest-failed", "digest " + id + " failed: " + state.reason() + "; POST the window again to retry");
      default -> throw new ApiException(
          404, "not-found", "digest " + id + " of " + window + " was never requested: POST the window first");
    }
  }

  private Object status(Request req, Response res) throws IOException {
    if (!WindowParams.given(req)) {
      res.type(Json.TYPE);
      return Json.write(new ServiceStatus(digests.stream()));
    }
    DigestWindow window = WindowParams.window(req, maxWindow);
    res.type(Json.TYPE);
    return Json.write(digests.status(window));
  }

  private Object work(Request req, Response res) throws Exception {
    String topic = segment(req, "topic");
    segment(req, "event");
    DigestWindow window = DigestJob.parse(JobBody.read(req)).window(maxWindow);
    digests.work(window);
    res.status(202);
    res.type(Json.TYPE);
    return Json.message(
        "digest " + window.digestId() + " accepted from topic " + topic + " for building", window.digestId().toString());
  }

  /** A path parameter of the worker route: one URL path segment, not {@code .} or {@code ..}. */
  private static String segment(Request req, String name) {
    String value = req.params(":" + name);
    if (value == null || !SEGMENT.matcher(value).matches() || value.equals(".") || value.equals("..")) {
      throw new ApiException(400, "invalid-input", "the " + name + " must be one path segment of letters, digits and . _ ~ -");
    }
    return value;
  }

  /** The healthcheck and the web page's files: answered without a token (GET and HEAD only). */
  private static boolean isPublic(Request req) {
    String path = req.pathInfo();
    return ("/healthcheck".equals(path) || UiRoutes.serves(path))
        && (req.requestMethod().equals("GET") || req.requestMethod().equals("HEAD"));
  }

  /** The methods a path has routes for (for 405 answers); empty for a path no route has. */
  static List<String> methods(String path) {
    String p = path == null || path.isEmpty() ? "/" : path;
    return switch (p) {
      case "/" -> List.of("GET", "HEAD", "POST");
      case "/status", "/healthcheck", "/api.yaml", "/graph", "/diff", "/query", "/digests" -> List.of("GET", "HEAD");
      default -> UiRoutes.serves(p) ? List.of("GET", "HEAD") : WORKER_PATH.matcher(p).matches() ? List.of("POST") : List.of();
    };
  }

  /** The route a request matched, as a bounded tag value (never the raw path of an unknown URL). */
  static String routeOf(String method, String path) {
    String p = path == null || path.isEmpty() ? "/" : path;
    switch (p) {
      case "/", "/status", "/healthcheck", "/api.yaml", "/graph", "/diff", "/query", "/digests" -> {
        return p;
      }
      default -> {
        if (UiRoutes.serves(p)) {
          return p.equals("/ui") ? p : "/ui/{file}";
        }
        return "POST".equals(method) && WORKER_PATH.matcher(p).matches() ? "/{topic}/{event}" : "unmatched";
      }
    }
  }
}
