package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import sun.misc.Signal;
import sun.misc.SignalHandler;

class ServeCommandTest {
  @TempDir Path temp;

  @Test
  void servesTheEmbeddedDefaultUntilSigtermThenExits0() throws Exception {
    int port = ServerEnv.freePort();
    Map<String, String> env =
        Map.of(
            "DIGESTERD_DATA_DIR",
            temp.toString(),
            "RUNTIME_HTTPSERVER_ADDRESS",
            "127.0.0.1:" + port);
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(() -> DigesterdCommand.commandLine(env).execute("serve"));
    Api api = new Api(URI.create("http://127.0.0.1:" + port));
    api.awaitHealthy(exit);
    assertEquals(
        404,
        api.get("/" + Api.window("2019-01-01T00:00:00Z", "2019-01-01T01:00:00Z")).statusCode());
    assertTrue(Files.isDirectory(temp.resolve("s3/progress")), "the embedded buckets are created");

    Signal.raise(new Signal("TERM"));
    assertEquals(0, exit.get(30, TimeUnit.SECONDS));
  }

  @Test
  void stopsOnTheSignalsOfRuntimeSignalsOsSignalsOnly() throws Exception {
    int port = ServerEnv.freePort();
    Map<String, String> env =
        Map.of(
            "DIGESTERD_DATA_DIR",
            temp.toString(),
            "RUNTIME_HTTPSERVER_ADDRESS",
            "127.0.0.1:" + port,
            "RUNTIME_SIGNALS_OS_SIGNALS",
            "1");
    // stand-ins record a signal that serve did not take, instead of letting it end the test JVM
    AtomicReference<String> missed = new AtomicReference<>();
    Signal hup = new Signal("HUP");
    Signal term = new Signal("TERM");
    SignalHandler hupStandIn = s -> missed.set("SIGHUP was not taken by serve");
    SignalHandler termStandIn = s -> missed.set("SIGTERM reached the stand-in");
    SignalHandler hupBefore = Signal.handle(hup, hupStandIn);
    // Under nohup the JVM keeps SIGHUP ignored and installs no handler, serve's neither.
    assumeFalse(
        hupBefore == SignalHandler.SIG_IGN, "SIGHUP is ignored in this process (nohup): skipped");
    SignalHandler termBefore = Signal.handle(term, termStandIn);
    try {
      CompletableFuture<Integer> exit =
          CompletableFuture.supplyAsync(() -> DigesterdCommand.commandLine(env).execute("serve"));
      new Api(URI.create("http://127.0.0.1:" + port)).awaitHealthy(exit);
      SignalHandler servesHup = Signal.handle(hup, hupStandIn);
      Signal.handle(hup, servesHup);
      assertNotSame(hupStandIn, servesHup, "serve takes SIGHUP");
      assertSame(termStandIn, Signal.handle(term, termStandIn), "serve leaves SIGTERM alone");

      Signal.raise(hup);
      assertEquals(0, exit.get(30, TimeUnit.SECONDS));
      assertNull(missed.get(), missed.get());
      assertSame(
          hupStandIn, Signal.handle(hup, hupStandIn), "serve restores the handler it replaced");
    } finally {
      Signal.handle(hup, hupBefore);
      Signal.handle(term, termBefore);
    }
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
        new String[] {
          "DIGEST_PROGRESS_BUCKET",
          "RUNTIME_HTTPSERVER_ADDRESS",
          "DIGEST_PROGRESS_TIMEOUT",
          "AWS_ACCESS_KEY_ID"
        }) {
      assertTrue(text.contains(name), name + " missing in: " + text);
    }
    assertFalse(text.contains("\tat "), text);
    assertFalse(text.contains("very-secret"), text);
  }
}
