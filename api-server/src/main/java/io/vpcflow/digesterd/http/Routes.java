package io.vpcflow.digesterd.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vpcflow.digesterd.config.ApiToken;
import io.vpcflow.digesterd.queue.DigestJob;
import io.vpcflow.digesterd.service.CreateResult;
import io.vpcflow.digesterd.service.Digests;
import io.vpcflow.digesterd.service.ServiceStatus;
import io.vpcflow.digesterd.service.WindowState;
import io.vpcflow.digesterd.stats.Stats;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The API: its one route table ({@link #ENDPOINTS}: routing, 405 answers with {@code Allow}, metric
 * tags, which endpoints need no token) and the handlers of the digest routes. What each endpoint
 * answers, status by status, is {@code api.yaml}, checked against the table by a test. With an API
 * token, every endpoint not marked open requires {@code Authorization: Bearer <token>} (401
 * otherwise, also for unknown paths).
 */
public final class Routes {
  private static final String OCTET_STREAM = "application/octet-stream";
  private static final String STARTED = "digesterd.started";
  private static final Pattern WORKER_PATH = Pattern.compile("/[^/]+/[^/]+/?");
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

  /** Every operation of the API: the one table routing, 405 answers, metric tags and auth read. */
  static final List<Endpoint> ENDPOINTS =
      List.of(
          Endpoint.at("POST", "/", false, r -> r::create),
          Endpoint.at("GET", "/", false, r -> r::fetch),
          Endpoint.at("GET", "/status", false, r -> r::status),
          Endpoint.at("GET", "/graph", false, r -> r.views::graph),
          Endpoint.at("GET", "/diff", false, r -> r.views::diff),
          Endpoint.at("GET", "/query", false, r -> r.views::query),
          Endpoint.at("GET", "/digests", false, r -> r.digestList::list),
          Endpoint.at("GET", "/ui", true, r -> r.ui::file),
          new Endpoint(
              "GET",
              "/ui/{file}",
              UiRoutes.FILES.keySet().stream().filter(p -> !p.equals("/ui")).toList(),
              p -> !p.equals("/ui") && UiRoutes.serves(p),
              true,
              r -> r.ui::file),
          Endpoint.at("GET", "/healthcheck", true, r -> Routes::healthcheck),
          Endpoint.at("GET", "/api.yaml", false, r -> r::apiYaml),
          Endpoint.matching(
              "POST",
              "/{topic}/{event}",
              List.of("/:topic/:event"),
              WORKER_PATH,
              false,
              r -> r::work));

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
  public Routes(
      Digests digests, Duration maxWindow, MeterRegistry meters, Optional<ApiToken> token) {
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
    http.afterAfter(
        (req, res) -> {
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
    auth.ifPresent(
        bearer ->
            http.before(
                (req, res) -> {
                  if (!isPublic(req) && !bearer.allows(req.headers("Authorization"))) {
                    throw new ApiException(401, "unauthorized", "unauthorized");
                  }
                }));
    for (Endpoint endpoint : ENDPOINTS) {
      spark.Route handler = endpoint.handler().apply(this);
      for (String path : endpoint.installedAt()) {
        if (endpoint.method().equals("POST")) {
          http.post(path, handler);
        } else {
          http.get(path, handler);
        }
      }
    }
    ApiErrors.install(http);
  }

  private static Object healthcheck(Request req, Response res) {
    res.type(Json.TYPE);
    return Json.message("ok");
  }

  private Object apiYaml(Request req, Response res) {
    res.type("application/yaml");
    return apiYaml;
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
      case FAILED ->
          throw new ApiException(
              424,
              "digest-failed",
              "digest " + id + " failed: " + state.reason() + "; POST the window again to retry");
      default ->
          throw new ApiException(
              404,
              "not-found",
              "digest " + id + " of " + window + " was never requested: POST the window first");
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
        "digest " + window.digestId() + " accepted from topic " + topic + " for building",
        window.digestId().toString());
  }

  /** A path parameter of the worker route: one URL path segment, not {@code .} or {@code ..}. */
  private static String segment(Request req, String name) {
    String value = req.params(":" + name);
    if (value == null
        || !SEGMENT.matcher(value).matches()
        || value.equals(".")
        || value.equals("..")) {
      throw new ApiException(
          400,
          "invalid-input",
          "the " + name + " must be one path segment of letters, digits and . _ ~ -");
    }
    return value;
  }

  /** Whether the request is for an endpoint answered without a token. */
  private static boolean isPublic(Request req) {
    return endpointOf(req.requestMethod(), req.pathInfo()).map(Endpoint::open).orElse(false);
  }

  /** The methods a path has endpoints for (for 405 answers), sorted; empty for a path none has. */
  static List<String> methods(String path) {
    String p = normal(path);
    TreeSet<String> methods = new TreeSet<>();
    for (Endpoint endpoint : ENDPOINTS) {
      if (endpoint.matches().test(p)) {
        methods.add(endpoint.method());
        if (endpoint.method().equals("GET")) {
          methods.add("HEAD");
        }
      }
    }
    return List.copyOf(methods);
  }

  /**
   * The route a request is tagged with, a bounded value: its endpoint's path; for a method the path
   * has no endpoint for, the path's endpoint; {@code unmatched} for a path no endpoint has.
   */
  static String routeOf(String method, String path) {
    String p = normal(path);
    return endpointOf(method, p)
        .or(() -> ENDPOINTS.stream().filter(e -> e.matches().test(p)).findFirst())
        .map(Endpoint::path)
        .orElse("unmatched");
  }

  private static Optional<Endpoint> endpointOf(String method, String path) {
    String p = normal(path);
    return ENDPOINTS.stream().filter(e -> e.answers(method) && e.matches().test(p)).findFirst();
  }

  private static String normal(String path) {
    return path == null || path.isEmpty() ? "/" : path;
  }
}
