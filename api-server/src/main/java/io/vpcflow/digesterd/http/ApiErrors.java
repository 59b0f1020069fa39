package io.vpcflow.digesterd.http;

import io.vpcflow.digesterd.launch.LaunchRejectedException;
import io.vpcflow.digesterd.queue.QueueException;
import io.vpcflow.digesterd.view.InvalidParameterException;
import io.vpcflow.digesterd.window.InvalidWindowException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Utf8Appendable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The one error mapping of the API: every failure becomes a JSON {@code {"message"}} body with its
 * status, and a log line named by its event.
 *
 * <ul>
 *   <li>invalid input ({@link InvalidWindowException}, {@link InvalidParameterException}): 400,
 *       {@code invalid-input}
 *   <li>{@link ApiException}: its status and event (409 {@code conflict}, 404 {@code not-found},
 *       424 {@code digest-failed}, 413 and 415 {@code invalid-input}, 401 {@code unauthorized} with
 *       {@code WWW-Authenticate: Bearer})
 *   <li>a request Jetty cannot parse inside a route ({@link BadMessageException}): its 4xx status,
 *       {@code invalid-input}; a path whose escapes are not UTF-8: 400, {@code invalid-input}
 *   <li>a store, marker or queue that cannot be reached, or a full queue: 503, {@code
 *       dependency-failure}
 *   <li>a known path with another method: 405 with {@code Allow}; an unknown route: 404, {@code
 *       not-found}; anything else: 500, {@code internal-error}
 *   <li>what Jetty answers before any route runs (a malformed request line, URI or header, a target
 *       or headers too long: 400, 414, 431, ...): the same JSON body, through {@link #jetty()}
 * </ul>
 */
final class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  static void install(Service http) {
    http.exception(
        InvalidWindowException.class,
        (e, req, res) -> answer(req, res, 400, "invalid-input", e.getMessage()));
    http.exception(
        InvalidParameterException.class,
        (e, req, res) -> answer(req, res, 400, "invalid-input", e.getMessage()));
    http.exception(
        ApiException.class,
        (e, req, res) -> answer(req, res, e.status(), e.event(), e.getMessage()));
    http.exception(
        BadMessageException.class,
        (e, req, res) ->
            answer(
                req, res, e.getCode(), "invalid-input", jettyMessage(e.getCode(), e.getReason())));
    http.exception(
        Utf8Appendable.NotUtf8Exception.class,
        (e, req, res) ->
            answer(req, res, 400, "invalid-input", "the request path is not URL-encoded UTF-8"));
    http.exception(
        IOException.class,
        (e, req, res) -> answer(req, res, 503, "dependency-failure", e.getMessage()));
    http.exception(
        QueueException.class,
        (e, req, res) ->
            answer(
                req, res, 503, "dependency-failure", "cannot queue the digest: " + e.getMessage()));
    http.exception(
        LaunchRejectedException.class,
        (e, req, res) -> answer(req, res, 503, "dependency-failure", e.getMessage()));
    http.exception(
        Exception.class,
        (e, req, res) -> {
          LOG.atError()
              .addKeyValue("event", "internal-error")
              .setCause(e)
              .log("{} {} failed", req.requestMethod(), req.pathInfo());
          answer(
              req, res, 500, "internal-error", "internal error: " + e.getClass().getSimpleName());
        });
    http.notFound(
        (req, res) -> {
          List<String> allowed = Routes.methods(req.pathInfo());
          if (allowed.isEmpty()) {
            return json(
                req,
                res,
                404,
                "not-found",
                "no route for " + req.requestMethod() + " " + req.pathInfo());
          }
          res.header("Allow", String.join(", ", allowed));
          return json(
              req,
              res,
              405,
              "invalid-input",
              req.requestMethod()
                  + " is not allowed on "
                  + req.pathInfo()
                  + ": use "
                  + String.join(", ", allowed));
        });
    http.internalServerError(
        (req, res) -> {
          res.type(Json.TYPE);
          return Json.message("internal error");
        });
  }

  /** The error handler of the Jetty server: its own answers as JSON {@code {"message"}} bodies. */
  static ErrorHandler jetty() {
    return new JettyErrors();
  }

  private static void answer(Request req, Response res, int status, String event, String message) {
    res.body(json(req, res, status, event, message));
  }

  private static String json(Request req, Response res, int status, String event, String message) {
    if (status >= 500) {
      LOG.atWarn()
          .addKeyValue("event", event)
          .log(
              "{} {}?{}: {} {}",
              req.requestMethod(),
              req.pathInfo(),
              req.queryString(),
              status,
              message);
    } else {
      LOG.atInfo()
          .addKeyValue("event", event)
          .log(
              "{} {}?{}: {} {}",
              req.requestMethod(),
              req.pathInfo(),
              req.queryString(),
              status,
              message);
    }
    if (status == 401) {
      res.header("WWW-Authenticate", "Bearer");
    }
    res.status(status);
    res.type(Json.TYPE);
    return Json.message(message);
  }

  private static String jettyMessage(int status, String reason) {
    String name = HttpStatus.getMessage(status);
    return reason == null || reason.isBlank() || reason.equals(name) ? name : name + ": " + reason;
  }

  /** Jetty's answers to requests that never reach a route, and to errors outside the routes. */
  private static final class JettyErrors extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
      LOG.atInfo()
          .addKeyValue("event", "invalid-input")
          .log("bad HTTP request: {} {}", status, reason);
      fields.put(HttpHeader.CONTENT_TYPE, Json.TYPE);
      return ByteBuffer.wrap(
          Json.message(jettyMessage(status, reason)).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean errorPageForMethod(String method) {
      return true;
    }

    @Override
    protected void generateAcceptableResponse(
        org.eclipse.jetty.server.Request baseRequest,
        HttpServletRequest request,
        HttpServletResponse response,
        int code,
        String message)
        throws IOException {
      baseRequest.setHandled(true);
      response.setContentType(Json.TYPE);
      response.getWriter().write(Json.message(jettyMessage(code, message)));
    }
  }
}
