package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.apitesting.Api;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import sun.misc.Signal;

class ServeCommandTest {
  @TempDir Path temp;

  @Test
  void servesTheEmbeddedDefaultUntilSigtermThenExits0() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Map<String, String> env =
        Map.of("DIGESTERD_DATA_DIR", temp.toString(), "RUNTIME_HTTPSERVER_ADDRESS", "127.0.0.1:" + port);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> DigesterdCommand.commandLine(env).execute("serve"));
    Api api = new Api(URI.create("http://127.0.0.1:" + port));
    Instant deadline = Instant.now().plusSeconds(60);
    int health = 0;
    while (health != 200 && Instant.now().isBefore(deadline) && !exit.isDone()) {
      try {
        health = api.get("/healthcheck").statusCode();
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    assertEquals(200, health);
    assertEquals(404, api.get("/" + Api.window("2019-01-01T00:00:00Z", "2019-01-01T01:00:00Z")).statusCode());
    assertTrue(Files.isDirectory(temp.resolve("s3/progress")), "the embedded buckets are created");

    Signal.raise(new Signal("TERM"));
    assertEquals(0, exit.get(30, TimeUnit.SECONDS));
  }

  @Test
  void listsEveryConfigurationProblemTogetherWithoutAStackTraceAndExits2() {
    StringWriter err = new StringWriter();
    CommandLine cli =
        DigesterdCommand.commandLine(
            Map.of(
                "VPC_FLOW_LOGS_BUCKET", "logs-bucket",
                "DIGEST_STORAGE_BUCKET", "digest-bucket",
                "RUNTIME_HTTPSERVER_ADDRESS", "localhost",
                "DIGEST_PROGRESS_TIMEOUT", "soon",
                "AWS_SECRET_ACCESS_KEY", "very-secret"));
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute("serve"));
    String text = err.toString();
    for (String name :
        new String[] {"DIGEST_PROGRESS_BUCKET", "RUNTIME_HTTPSERVER_ADDRESS", "DIGEST_PROGRESS_TIMEOUT", "AWS_ACCESS_KEY_ID"}) {
      assertTrue(text.contains(name), name + " missing in: " + text);
    }
    assertFalse(text.contains("\tat "), text);
    assertFalse(text.contains("very-secret"), text);
  }
}
