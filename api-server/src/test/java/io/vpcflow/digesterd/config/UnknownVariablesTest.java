package io.vpcflow.digesterd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UnknownVariablesTest {
  @Test
  void aLookalikeOfOurVariablesIsNamedWithTheClosestKnownName() {
    Map<String, String> env = new HashMap<>();
    env.put("DIGEST_STORAGE_BUKET", "s3://digests");
    env.put("VPC_MAX_CONCURENT_PREFETCH", "4");
    env.put("HOME", "/root");
    env.put("AWS_PROFILE", "x");
    assertEquals(
        List.of(
            "unknown variable DIGEST_STORAGE_BUKET is ignored; did you mean DIGEST_STORAGE_BUCKET?",
            "unknown variable VPC_MAX_CONCURENT_PREFETCH is ignored; did you mean VPC_MAX_CONCURRENT_PREFETCH?"),
        ServiceConfig.unknownVariables(env));
  }

  @Test
  void everyVariableOfTheReadmesConfigurationTableIsKnown() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher row = Pattern.compile("(?m)^\\| (`[A-Z0-9_]+`[^|]*)\\|").matcher(readme);
    Map<String, String> env = new HashMap<>();
    while (row.find()) {
      Matcher name = Pattern.compile("`([A-Z0-9_]+)`").matcher(row.group(1));
      while (name.find()) {
        if (UnknownVariables.PREFIXES.stream().anyMatch(name.group(1)::startsWith)) {
          env.put(name.group(1), "");
        }
      }
    }
    assertTrue(env.size() > 40, "the table names our variables: " + env.keySet());
    assertEquals(List.of(), ServiceConfig.unknownVariables(env));
  }

  @Test
  void distanceCountsEdits() {
    assertEquals(0, UnknownVariables.distance("ABC", "ABC"));
    assertEquals(1, UnknownVariables.distance("ABC", "ABXC"));
    assertEquals(2, UnknownVariables.distance("ABCD", "BACD"));
  }
}
