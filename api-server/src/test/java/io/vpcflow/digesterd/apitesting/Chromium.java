package io.vpcflow.digesterd.apitesting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}) driven over the Chrome DevTools protocol
 * (a WebSocket from {@link HttpClient}; no other dependency): navigate, evaluate JavaScript, take a
 * screenshot. Started with a fresh profile and without background networking.
 */
public final class Chromium implements AutoCloseable {
  /** Where Debian's package puts the browser. */
  public static final Path BINARY = Path.of("/usr/bin/chromium");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private Chromium(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  /** Whether the browser is installed here. */
  public static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /**
   * Starts the browser with its profile in {@code profile} (an empty directory) and connects to its
   * page.
   */
  public static Chromium start(Path profile) throws Exception {
    Process process =
        new ProcessBuilder(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--remote-debugging-port=0",
                "--window-size=1400,2000",
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(
                profile.resolveSibling(profile.getFileName() + "-chromium.log").toFile())
            .start();
    try {
      Path portFile = profile.resolve("DevToolsActivePort");
      Instant deadline = Instant.now().plusSeconds(30);
      while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
        if (Instant.now().isAfter(deadline) || !process.isAlive()) {
          throw new IllegalStateException(
              "chromium did not start (exit "
                  + (process.isAlive() ? "-" : process.exitValue())
                  + ")");
        }
        Thread.sleep(100);
      }
      int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
      HttpClient http = HttpClient.newHttpClient();
      String page = null;
      while (page == null) {
        JsonNode targets =
            JSON.readTree(
                http.send(
                        HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/json/list"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());
        for (JsonNode target : targets) {
          if (target.path("type").asText().equals("page")) {
            page = target.get("webSocketDebuggerUrl").asText();
          }
        }
        if (page == null) {
          if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("chromium has no page target");
          }
          Thread.sleep(100);
        }
      }
      Chromium[] self = new Chromium[1];
      WebSocket socket =
          http.newWebSocketBuilder()
              .buildAsync(
                  URI.create(page),
                  new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(
                        WebSocket ws, CharSequence data, boolean last) {
                      text.append(data);
                      if (last) {
                        self[0].received(text.toString());
                        text.setLength(0);
                      }
                      ws.request(1);
                      return null;
                    }
                  })
              .get(30, TimeUnit.SECONDS);
      self[0] = new Chromium(process, socket);
      return self[0];
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private void received(String message) {
    try {
      JsonNode reply = JSON.readTree(message);
      if (reply.has("id")) {
        CompletableFuture<JsonNode> waiting = pending.remove(reply.get("id").asInt());
        if (waiting != null) {
          waiting.complete(reply);
        }
      }
    } catch (IOException e) {
      pending.values().forEach(f -> f.completeExceptionally(e));
    }
  }

  /** Sends one DevTools command and returns its result. */
  public JsonNode send(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
    command.set("params", params);
    socket.sendText(JSON.writeValueAsString(command), true).get(30, TimeUnit.SECONDS);
    JsonNode answer = reply.get(60, TimeUnit.SECONDS);
    if (answer.has("error")) {
      throw new IllegalStateException(method + " failed: " + answer.get("error"));
    }
    return answer.get("result");
  }

  /** Loads {@code url} and waits until the document and its scripts are loaded. */
  public void navigate(URI url) throws Exception {
    send("Page.navigate", JSON.createObjectNode().put("url", url.toString()));
    await("document.readyState === 'complete'", Duration.ofSeconds(30));
  }

  /** The value of a JavaScript expression (promises awaited), as JSON; an exception fails. */
  public JsonNode evaluate(String expression) throws Exception {
    JsonNode result =
        send(
            "Runtime.evaluate",
            JSON.createObjectNode()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException(expression + " threw " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Waits until {@code condition} (JavaScript) is true, for at most {@code timeout}. */
  public void await(String condition, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (!evaluate("Boolean(" + condition + ")").asBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not true within " + timeout + ": " + condition);
      }
      Thread.sleep(200);
    }
  }

  /** Writes a PNG screenshot of the browser's window (1400 x 2000) to {@code file}. */
  public void screenshot(Path file) throws Exception {
    JsonNode shot = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
  }

  @Override
  public void close() throws InterruptedException {
    socket.abort();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
