package io.vpcflow.digesterd.apitesting;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpcflow.digesterd.config.LoggingSettings;
import io.vpcflow.digesterd.logging.LogStreams;
import io.vpcflow.digesterd.logging.Logging;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Log lines captured in memory, and the test configuration restored afterwards. */
public final class LogCapture {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  /** Where a command's or {@link Logging#apply}'s log lines go, whatever the output chosen. */
  public LogStreams streams() {
    return LogStreams.both(bytes);
  }

  /** Everything captured so far. */
  public synchronized String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Every captured line parsed as JSON; fails the test on a line that is not a JSON object. */
  public List<JsonNode> lines() {
    List<JsonNode> parsed = new ArrayList<>();
    for (String line : text().split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        assertTrue(node.isObject(), "not a JSON object: " + line);
        parsed.add(node);
      } catch (IOException e) {
        fail("not a JSON line: " + line, e);
      }
    }
    return parsed;
  }

  /** The value of key-value pair {@code key} of a parsed line, or null. */
  public static String keyValue(JsonNode line, String key) {
    for (JsonNode pair : line.path("kvpList")) {
      if (pair.has(key)) {
        return pair.get(key).asText();
      }
    }
    return null;
  }

  /** Back to what logback-test.xml sets up: WARN and above on stderr. */
  public static void restoreTestLogging() {
    Logging.apply(new LoggingSettings(LoggingSettings.Level.WARN, LoggingSettings.Output.STDERR));
  }
}
