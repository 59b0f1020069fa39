package io.vpcflow.digesterd.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpcflow.digesterd.apitesting.LogCapture;
import io.vpcflow.digesterd.config.LoggingSettings;
import io.vpcflow.digesterd.config.LoggingSettings.Level;
import io.vpcflow.digesterd.config.LoggingSettings.Output;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LoggingTest {
  private static final Logger OWN = LoggerFactory.getLogger("io.vpcflow.digesterd.logging.Sample");
  private static final Logger LIBRARY = LoggerFactory.getLogger("org.apache.http.headers");

  @AfterEach
  void restore() {
    LogCapture.restoreTestLogging();
  }

  @Test
  void writesOneJsonObjectPerLineWithKeyValuePairsAndThrowables() {
    LogCapture capture = new LogCapture();
    Logging.apply(new LoggingSettings(Level.INFO, Output.STDERR), capture.streams());

    OWN.atInfo()
        .addKeyValue("event", "digest-done")
        .addKeyValue("id", "a\"b\nc")
        .log("digest {} done", "x\ty");
    OWN.atWarn()
        .addKeyValue("event", "dependency-failure")
        .setCause(new IllegalStateException("boom \"quoted\""))
        .log("failed");

    List<JsonNode> lines = capture.lines();
    assertEquals(2, lines.size(), capture.text());
    JsonNode done = lines.get(0);
    assertEquals("INFO", done.path("level").asText());
    assertEquals("io.vpcflow.digesterd.logging.Sample", done.path("loggerName").asText());
    assertEquals("digest x\ty done", done.path("formattedMessage").asText());
    assertEquals("digest-done", LogCapture.keyValue(done, "event"));
    assertEquals("a\"b\nc", LogCapture.keyValue(done, "id"));
    assertTrue(done.path("timestamp").asLong() > 0, capture.text());
    JsonNode failed = lines.get(1);
    assertEquals("WARN", failed.path("level").asText());
    assertEquals("dependency-failure", LogCapture.keyValue(failed, "event"));
    assertTrue(failed.path("throwable").toString().contains("boom"), capture.text());
  }

  @Test
  void theLevelAppliesToOurCodeWhileLibrariesStayAtWarn() {
    LogCapture capture = new LogCapture();
    Logging.apply(new LoggingSettings(Level.DEBUG, Output.STDOUT), capture.streams());
    OWN.debug("ours at debug");
    OWN.trace("ours at trace");
    LIBRARY.debug("Authorization: AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/...");
    LIBRARY.info("library info");
    LIBRARY.warn("library warning");
    String text = capture.text();
    assertTrue(text.contains("ours at debug"), text);
    assertFalse(text.contains("ours at trace"), text);
    assertFalse(text.contains("AKIAEXAMPLE"), text);
    assertFalse(text.contains("library info"), text);
    assertTrue(text.contains("library warning"), text);

    Logging.apply(new LoggingSettings(Level.ERROR, Output.STDOUT), capture.streams());
    OWN.warn("ours at warn");
    LIBRARY.warn("library warn at error level");
    OWN.error("ours at error");
    assertFalse(capture.text().contains("warn at error level"), capture.text());
    assertFalse(capture.text().contains("ours at warn"), capture.text());
    assertTrue(capture.text().contains("ours at error"), capture.text());
    assertEquals(3, capture.lines().size(), capture.text());
  }

  @Test
  void theOutputChoosesTheStreamAndNullWritesNothing() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    LogStreams streams = new LogStreams(out, err);

    Logging.apply(new LoggingSettings(Level.INFO, Output.STDOUT), streams);
    OWN.info("to stdout");
    Logging.apply(new LoggingSettings(Level.INFO, Output.STDERR), streams);
    OWN.info("to stderr");
    Logging.apply(new LoggingSettings(Level.INFO, Output.NULL), streams);
    OWN.error("to nowhere");

    String stdout = out.toString(StandardCharsets.UTF_8);
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertTrue(stdout.contains("to stdout") && !stdout.contains("to stderr"), stdout);
    assertTrue(stderr.contains("to stderr") && !stderr.contains("to stdout"), stderr);
    assertFalse((stdout + stderr).contains("to nowhere"), stdout + stderr);
  }

  @Test
  void bucketUrisAreLoggedAsS3EvenInsideLibraryMessagesAndStackTraces() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Logging.apply(
        new LoggingSettings(Level.INFO, Output.STDERR),
        new LogStreams(new ByteArrayOutputStream(), err));
    LIBRARY.warn(
        "cannot delete s3+progress://p/run.progress/",
        new java.io.IOException("at s3+storage://d/x.json"));
    String text = err.toString(StandardCharsets.UTF_8);
    // logback's JSON escapes '/'
    assertTrue(
        text.contains("cannot delete s3:\\/\\/p\\/run.progress")
            && text.contains("at s3:\\/\\/d\\/x.json"),
        text);
    assertFalse(text.contains("s3+"), text);
  }
}
