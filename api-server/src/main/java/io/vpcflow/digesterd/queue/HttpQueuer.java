package io.vpcflow.digesterd.queue;

import io.vpcflow.digesterd.config.ApiToken;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each job as JSON {@code {"id","start","stop"}} to {@code <endpoint>/<topic>/event}, as
 * upstream did to its stream appliance. Any 2xx answer means accepted (upstream wanted exactly 200,
 * which broke its standalone set-up: the worker route answers 202). Connection failures and 5xx
 * answers are retried with exponential backoff; other answers fail at once. With an API token
 * ({@code DIGESTERD_AUTH_TOKEN}) each job carries {@code Authorization: Bearer <token>}, so that
 * the worker route of a server that requires it (this one, in the standalone set-up) accepts it.
 */
public final class HttpQueuer implements Queuer {
  private static final Logger LOG = LoggerFactory.getLogger(HttpQueuer.class);

  private final URI target;
  private final HttpClient client;
  private final int attempts;
  private final Duration backoff;
  private final Duration timeout;
  private final Optional<ApiToken> token;

  /**
   * @param endpoint the event bus ({@code STREAM_APPLIANCE_ENDPOINT})
   * @param topic the topic ({@code STREAM_APPLIANCE_TOPIC})
   * @param client the HTTP client (its own settings apply, e.g. a proxy or TLS)
   * @param token the bearer token sent with each job ({@code DIGESTERD_AUTH_TOKEN}); empty: none
   * @param attempts tries per job, at least 1
   * @param backoff the wait before the first retry; doubled for each further one
   * @param timeout the time limit of each try
   */
  public HttpQueuer(
      URI endpoint,
      String topic,
      HttpClient client,
      Optional<ApiToken> token,
      int attempts,
      Duration backoff,
      Duration timeout) {
    String base = endpoint.toString().replaceAll("/+$", "");
    this.target = URI.create(base + "/" + topic + "/event");
    this.client = client;
    this.token = token;
    this.attempts = Math.max(1, attempts);
    this.backoff = backoff;
    this.timeout = timeout;
  }

  /** With the built-in policy: 4 tries, 100 ms first backoff, 10 s per try. */
  public HttpQueuer(URI endpoint, String topic, HttpClient client, Optional<ApiToken> token) {
    this(endpoint, topic, client, token, 4, Duration.ofMillis(100), Duration.ofSeconds(10));
  }

  @Override
  public void queue(DigestWindow window) throws QueueException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(target)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    DigestJob.of(window).toJson(), StandardCharsets.UTF_8));
    token.ifPresent(t -> builder.header("Authorization", t.authorization()));
    HttpRequest request = builder.build();
    String last = "";
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        sleep(backoff.multipliedBy(1L << (attempt - 2)));
      }
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 == 2) {
          return;
        }
        last =
            "the event bus at "
                + target
                + " answered "
                + status
                + ": "
                + abbreviate(response.body());
        if (status / 100 != 5) {
          throw new QueueException(last);
        }
      } catch (IOException e) {
        last = "cannot reach the event bus at " + target + ": " + e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new QueueException("interrupted while queuing digest " + window.digestId(), e);
      }
      LOG.warn(
          "queuing digest {} failed (try {} of {}): {}",
          window.digestId(),
          attempt,
          attempts,
          last);
    }
    throw new QueueException(last);
  }

  private static void sleep(Duration wait) throws QueueException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueueException("interrupted while waiting to retry", e);
    }
  }

  private static String abbreviate(String body) {
    String text = body == null ? "" : body.strip();
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
