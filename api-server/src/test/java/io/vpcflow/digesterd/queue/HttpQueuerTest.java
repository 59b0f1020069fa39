package io.vpcflow.digesterd.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.vpcflow.digesterd.config.ApiToken;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event-bus queuer against a stub bus on loopback. */
class HttpQueuerTest {
  private static final DigestWindow WINDOW =
      DigestWindow.parse("2019-01-01T00:00:00Z", "2019-01-01T01:00:00Z");

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private HttpServer bus;

  /**
   * A bus answering {@code statuses} in turn (the last one from then on), recording each request.
   */
  private URI bus(int... statuses) throws IOException {
    AtomicInteger n = new AtomicInteger();
    bus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    bus.createContext(
        "/",
        exchange -> {
          requests.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Content-Type")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          int status = statuses[Math.min(n.getAndIncrement(), statuses.length - 1)];
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    bus.start();
    return URI.create("http://127.0.0.1:" + bus.getAddress().getPort() + "/bus/");
  }

  @AfterEach
  void stop() {
    if (bus != null) {
      bus.stop(0);
    }
  }

  private static HttpQueuer queuer(URI endpoint) {
    return new HttpQueuer(
        endpoint,
        "digest-queue",
        HttpClient.newHttpClient(),
        Optional.empty(),
        3,
        Duration.ofMillis(10),
        Duration.ofSeconds(5));
  }

  @Test
  void postsTheJobAsJsonToTopicEventAndTakesAny2xx() throws Exception {
    queuer(bus(202)).queue(WINDOW);
    assertEquals(
        List.of(
            "POST /bus/digest-queue/event application/json "
                + "{\"id\":\"9740a140-ba85-5600-8b93-7b46eec77617\",\"start\":\"2019-01-01T00:00:00Z\",\"stop\":\"2019-01-01T01:00:00Z\"}"),
        requests);
  }

  @Test
  void sendsTheApiTokenAsABearerTokenOnEveryTry() throws Exception {
    ApiToken token = new ApiToken("0123456789abcdef0123456789abcdef");
    new HttpQueuer(
            bus(503, 202),
            "digest-queue",
            HttpClient.newHttpClient(),
            Optional.of(token),
            3,
            Duration.ofMillis(10),
            Duration.ofSeconds(5))
        .queue(WINDOW);
    assertEquals(List.of("Bearer " + token.value(), "Bearer " + token.value()), authorizations);
    authorizations.clear();
    stop();
    queuer(bus(202)).queue(WINDOW);
    assertEquals(List.of("null"), authorizations);
  }

  @Test
  void retries5xxWithBackoffUntilAccepted() throws Exception {
    queuer(bus(503, 500, 204)).queue(WINDOW);
    assertEquals(3, requests.size());
  }

  @Test
  void failsAtOnceOnA4xxAndAfterTheLastTryOn5xx() throws Exception {
    QueueException refused =
        assertThrows(QueueException.class, () -> queuer(bus(404)).queue(WINDOW));
    assertTrue(refused.getMessage().contains("answered 404"), refused.getMessage());
    assertEquals(1, requests.size());
    stop();
    requests.clear();
    QueueException down = assertThrows(QueueException.class, () -> queuer(bus(502)).queue(WINDOW));
    assertTrue(down.getMessage().contains("answered 502"), down.getMessage());
    assertEquals(3, requests.size());
  }

  @Test
  void anUnreachableBusFailsAfterItsTries() throws IOException {
    URI endpoint = bus(200);
    stop();
    bus = null;
    QueueException e = assertThrows(QueueException.class, () -> queuer(endpoint).queue(WINDOW));
    assertTrue(e.getMessage().contains("cannot reach the event bus"), e.getMessage());
  }
}
