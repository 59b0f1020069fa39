package io.vpcflow.digesterd.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.LogCapture;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.cli.DigesterdCommand;
import io.vpcflow.digesterd.config.LoggingSettings;
import io.vpcflow.digesterd.config.LoggingSettings.Level;
import io.vpcflow.digesterd.config.LoggingSettings.Output;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.pipeline.DigestOptions;
import io.vpcflow.digesterd.s3.S3ClientFactory;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.service.DigesterdService;
import io.vpcflow.digesterd.testing.HandFixture;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Recognisable credentials and tokens followed through the service: a digest built, a digest that
 * fails, a server whose credentials S3 refuses (a wrong secret key and a session token, which
 * s3proxy does not implement), bad input, 401s and configuration errors, with the service's own
 * loggers at TRACE. None of the secrets appears in any log line, HTTP answer (status, headers,
 * body), stdout or stderr.
 */
class NoSecretInOutputTest {
  private static final String ACCESS_KEY = "AKIALEAKCHECK0000001";
  private static final String SECRET_KEY = "leakcheck-secret-key-7f3a9c1e5b";
  private static final String SESSION_TOKEN = "leakcheck-session-token-4b8d2e6f";
  private static final String AUTH_TOKEN = "leakcheck-auth-token-9e1c5a7b3d";
  private static final String WRONG_SECRET = "leakcheck-wrong-secret-2d4f6a8c0e";
  private static final String SHORT_TOKEN = "leakcheck-short";
  private static final List<String> SECRETS =
      List.of(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, AUTH_TOKEN, WRONG_SECRET, SHORT_TOKEN);
  private static final String WINDOW = Api.window(HandFixture.START, HandFixture.STOP);

  private final StringBuilder answers = new StringBuilder();

  @Test
  void noSecretReachesALogLineAnAnswerOrTheConsole() throws Exception {
    LogCapture logs = new LogCapture();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    StringWriter cli = new StringWriter();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    Logging.apply(new LoggingSettings(Level.TRACE, Output.STDERR), logs.streams());
    try {
      PrintStream both = new PrintStream(console, true, StandardCharsets.UTF_8);
      System.setOut(both);
      System.setErr(both);
      try (EmbeddedS3Server s3 = EmbeddedS3Server.inMemory(ACCESS_KEY, SECRET_KEY);
          S3Client client = client(s3)) {
        ServerEnv.createBuckets(client, "hand-logs");
        HandFixture.write(new S3ObjectSink(client, "hand-logs", ""));
        builtDigestBadInputAnd401s(s3);
        failedDigest(s3);
        refusedSecret(s3);
      }
      configurationErrors(cli, logs);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
      LogCapture.restoreTestLogging();
    }

    String log = logs.text();
    for (String event :
        List.of(
            "digest-done",
            "digest-failed",
            "unauthorized",
            "invalid-input",
            "dependency-failure")) {
      assertTrue(
          log.contains("\"" + event + "\""), "the capture misses the event " + event + ":\n" + log);
    }
    assertTrue(cli.toString().contains("DIGESTERD_AUTH_TOKEN must be at least"), cli.toString());
    Map<String, String> outputs =
        Map.of(
            "log lines",
            log,
            "HTTP answers",
            answers.toString(),
            "stdout and stderr",
            console.toString(StandardCharsets.UTF_8),
            "command line",
            cli.toString());
    for (Map.Entry<String, String> output : outputs.entrySet()) {
      for (String secret : SECRETS) {
        int at = output.getValue().indexOf(secret);
        if (at >= 0) {
          fail(
              "a secret is in the "
                  + output.getKey()
                  + ": ..."
                  + output.getValue().substring(Math.max(0, at - 300), at)
                  + "[SECRET]...");
        }
      }
    }
  }

  private void builtDigestBadInputAnd401s(EmbeddedS3Server s3) throws Exception {
    try (DigesterdService service = start(s3, "hand-logs", credentials(SECRET_KEY))) {
      Api api = new Api(service.uri(), "Bearer " + AUTH_TOKEN);
      expect(202, api.post("/" + WINDOW));
      expect(200, api.awaitNot204("/" + WINDOW, Duration.ofMinutes(2)));
      expect(200, api.get("/status" + WINDOW));
      expect(400, api.get("/?start=yesterday&stop=x"));
      expect(400, api.postJson("/digests/event", "{\"id\":\"x\",\"bucket\":\"y\"}"));
      expect(401, new Api(service.uri()).get("/status" + WINDOW));
      expect(401, new Api(service.uri(), "Bearer " + AUTH_TOKEN + "x").post("/" + WINDOW));
      expect(401, new Api(service.uri(), "Basic " + AUTH_TOKEN).get("/api.yaml"));
    }
  }

  private void failedDigest(EmbeddedS3Server s3) throws Exception {
    try (DigesterdService service = start(s3, "missing-logs", credentials(SECRET_KEY))) {
      Api api = new Api(service.uri(), "Bearer " + AUTH_TOKEN);
      expect(202, api.post("/" + Api.window("2019-02-01T00:00:00Z", "2019-02-01T01:00:00Z")));
      expect(
          424,
          api.awaitNot204(
              "/" + Api.window("2019-02-01T00:00:00Z", "2019-02-01T01:00:00Z"),
              Duration.ofMinutes(2)));
    }
  }

  private void refusedSecret(EmbeddedS3Server s3) throws Exception {
    Map<String, String> refused = new HashMap<>(credentials(WRONG_SECRET));
    refused.put("AWS_SESSION_TOKEN", SESSION_TOKEN);
    try (DigesterdService service = start(s3, "hand-logs", refused)) {
      Api api = new Api(service.uri(), "Bearer " + AUTH_TOKEN);
      expect(503, api.post("/" + WINDOW));
      expect(503, api.get("/" + WINDOW));
    }
  }

  private static void configurationErrors(StringWriter cli, LogCapture logs) {
    Map<String, String> env = new HashMap<>(credentials(SECRET_KEY));
    env.put("AWS_SESSION_TOKEN", SESSION_TOKEN);
    env.put("DIGESTERD_AUTH_TOKEN", SHORT_TOKEN);
    env.put("VPC_FLOW_LOGS_BUCKET", "logs-bucket");
    env.put("DIGEST_PROGRESS_TIMEOUT", "soon");
    env.put("DIGEST_STORAGE_SSE", "aws:kms");
    for (String command : List.of("serve", "digest")) {
      CommandLine line = DigesterdCommand.commandLine(env);
      line.setOut(new PrintWriter(cli, true));
      line.setErr(new PrintWriter(cli, true));
      assertEquals(
          2,
          line.execute(command, "--start", HandFixture.START, "--stop", HandFixture.STOP),
          cli.toString());
    }
  }

  private static DigesterdService start(
      EmbeddedS3Server s3, String flowLogs, Map<String, String> credentials) throws Exception {
    Map<String, String> extra = new HashMap<>(credentials);
    extra.put("DIGESTERD_AUTH_TOKEN", AUTH_TOKEN);
    return DigesterdService.builder(ServiceConfig.forServer(ServerEnv.of(s3, flowLogs, extra)))
        .start();
  }

  private static Map<String, String> credentials(String secretKey) {
    return Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", secretKey);
  }

  private void expect(int status, HttpResponse<byte[]> response) {
    answers
        .append(response.statusCode())
        .append(' ')
        .append(response.headers().map())
        .append('\n')
        .append(Api.text(response))
        .append('\n');
    assertEquals(status, response.statusCode(), Api.text(response));
  }

  private static S3Client client(EmbeddedS3Server s3) {
    DigestOptions options = S3Fixture.options(s3);
    options.setAwsCredentialsProvider(
        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    return S3ClientFactory.client(options);
  }
}
