package io.vpcflow.digesterd.apitesting;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** A client of a running API, over real HTTP. */
public final class Api {
  private final URI base;
  private final String authorization;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public Api(URI base) {
    this(base, null);
  }

  /** A client sending {@code Authorization: authorization} with every request. */
  public Api(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** {@code ?start=..&stop=..}, URL-encoded. */
  public static String window(String start, String stop) {
    return "?start="
        + URLEncoder.encode(start, StandardCharsets.UTF_8)
        + "&stop="
        + URLEncoder.encode(stop, StandardCharsets.UTF_8);
  }

  public HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET());
  }

  public HttpResponse<byte[]> post(String pathAndQuery) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(base.resolve(pathAndQuery))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  public HttpResponse<byte[]> postJson(String path, String json)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * Polls {@code GET pathAndQuery} until it answers something other than {@code 204}, for at most
   * {@code timeout}; returns that answer.
   */
  public HttpResponse<byte[]> awaitNot204(String pathAndQuery, Duration timeout)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    HttpResponse<byte[]> response = get(pathAndQuery);
    while (response.statusCode() == 204 && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      response = get(pathAndQuery);
    }
    return response;
  }

  /**
   * Waits up to a minute until {@code GET /healthcheck} answers 200 while the command serving it
   * ({@code exit}) runs.
   *
   * @throws AssertionError when it does not, with the command's exit code if it ended
   */
  public void awaitHealthy(CompletableFuture<Integer> exit) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline) && !exit.isDone()) {
      try {
        if (get("/healthcheck").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError(
        "serve did not start; exit " + (exit.isDone() ? exit.get() : "pending"));
  }

  /** The body as text. */
  public static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** The Content-Type of an answer, or empty. */
  public static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }
}
