package io.vpcflow.digesterd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The demo's client of the HTTP API: what a user would do with curl. */
final class DemoClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  DemoClient(URI base) {
    this.base = base;
  }

  /** {@code ?start=...&stop=...} of {@code window} (UTC instants need no URL-encoding). */
  static String query(DigestWindow window) {
    return "?start=" + window.start() + "&stop=" + window.stop();
  }

  /** {@code POST /?start&stop}: the answer's status and message. */
  HttpResponse<String> create(DigestWindow window) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(base.resolve("/" + query(window)))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code GET /status?start&stop} as JSON. */
  JsonNode status(DigestWindow window) throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(base.resolve("/status" + query(window))).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET /status answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** {@code GET /?start&stop} into {@code file}; returns the status code. */
  int fetch(DigestWindow window, Path file) throws IOException, InterruptedException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return client
        .send(
            HttpRequest.newBuilder(base.resolve("/" + query(window))).build(),
            HttpResponse.BodyHandlers.ofFile(file))
        .statusCode();
  }
}
