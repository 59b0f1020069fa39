package io.vpcflow.digesterd.http;

import io.vpcflow.digesterd.launch.LaunchRejectedException;
import io.vpcflow.digesterd.queue.QueueException;
import io.vpcflow.digesterd.window.InvalidWindowException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The one error mapping of the API: every failure becomes a JSON {@code {"message"}} body with
 * its status, and a log line named by its event.
 *
 * <ul>
 *   <li>invalid input ({@link InvalidWindowException}): 400, {@code invalid-input}
 *   <li>{@link ApiException}: its status and event (409 {@code conflict}, 404 {@code not-found},
 *       424 {@code digest-failed})
 *   <li>a store, marker or queue that cannot be reached, or a full queue: 503, {@code
 *       dependency-failure}
 *   <li>an unknown route: 404, {@code not-found}; anything else: 500, {@code internal-error}
 * </ul>
 */
final class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  static void install(Service http) {
    http.exception(InvalidWindowException.class, (e, req, res) -> answer(req, res, 400, "invalid-input", e.getMessage()));
    http.exception(ApiException.class, (e, req, res) -> answer(req, res, e.status(), e.event(), e.getMessage()));
    http.exception(IOException.class, (e, req, res) -> answer(req, res, 503, "dependency-failure", e.getMessage()));
    http.exception(QueueException.class, (e, req, res) -> answer(req, res, 503, "dependency-failure", "cannot queue the digest: " + e.getMessage()));
    http.exception(LaunchRejectedException.class, (e, req, res) -> answer(req, res, 503, "dependency-failure", e.getMessage()));
    http.exception(Exception.class, (e, req, res) -> {
      LOG.atError().addKeyValue("event", "internal-error").setCause(e).log("{} {} failed", req.requestMethod(), req.pathInfo());
      answer(req, res, 500, "internal-error", "internal error: " + e.getClass().getSimpleName());
    });
    http.notFound((req, res) -> {
      res.type(Json.TYPE);
      return Json.message("no route for " + req.requestMethod() + " " + req.pathInfo());
    });
    http.internalServerError((req, res) -> {
      res.type(Json.TYPE);
      return Json.message("internal error");
    });
  }

  private static void answer(Request req, Response res, int status, String event, String message) {
    if (status >= 500) {
      LOG.atWarn().addKeyValue("event", event).log("{} {}?{}: {} {}", req.requestMethod(), req.pathInfo(), req.queryString(), status, message);
    } else {
      LOG.atInfo().addKeyValue("event", event).log("{} {}?{}: {} {}", req.requestMethod(), req.pathInfo(), req.queryString(), status, message);
    }
    res.status(status);
    res.type(Json.TYPE);
    res.body(Json.message(message));
  }
}
