package io.vpcflow.digesterd.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import io.vpcflow.digesterd.apitesting.LogCapture;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultLoggingTest {

  @Test
  void withoutAnExplicitConfigurationOwnCodeLogsInfoAndLibrariesWarnAsJsonLines() {
    LoggerContext context = freshContext();
    LogCapture capture = new LogCapture();

    ExecutionStatus status = new DefaultLogging(() -> false, capture.streams()).configure(context);

    assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, status);
    context.getLogger("io.vpcflow.digesterd.Sample").info("own info");
    context.getLogger("io.vpcflow.digesterd.Sample").debug("own debug");
    context.getLogger("org.apache.http.headers").info("library info");
    context.getLogger("org.apache.http.headers").warn("library warn");
    List<JsonNode> lines = capture.lines();
    assertEquals(2, lines.size(), capture.text());
    assertEquals("own info", lines.get(0).path("formattedMessage").asText());
    assertEquals("library warn", lines.get(1).path("formattedMessage").asText());
  }

  @Test
  void anExplicitConfigurationIsLeftToLogback() {
    LoggerContext context = freshContext();
    LogCapture capture = new LogCapture();

    ExecutionStatus status = new DefaultLogging(() -> true, capture.streams()).configure(context);

    assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, status);
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    assertFalse(root.iteratorForAppenders().hasNext());
    assertEquals(Level.DEBUG, root.getLevel());
    assertTrue(capture.text().isEmpty());
  }

  /** A context as logback's service provider hands it to configurators: started, with an MDC. */
  private static LoggerContext freshContext() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    context.start();
    return context;
  }
}
