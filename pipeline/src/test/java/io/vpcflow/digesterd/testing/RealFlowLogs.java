package io.vpcflow.digesterd.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * The real-world fixture collection {@code shared/fixtures/real-flowlogs} (a sibling of the project
 * root, or {@code -Dvpcflow.realFlowlogs=DIR}; see its SOURCES.md). A test that needs it is
 * skipped, with one notice per test class on stdout, when it is not there.
 */
public final class RealFlowLogs {
  private static final String FIXTURE_DIR = "shared/fixtures/real-flowlogs";
  private static final String PROPERTY = "vpcflow.realFlowlogs";
  private static final Optional<Path> FIXTURES = locate();
  private static final Set<String> NOTICES_PRINTED = ConcurrentHashMap.newKeySet();

  private RealFlowLogs() {}

  /** The collection's directory; skips the calling test, naming {@code testName}, without it. */
  public static Path dir(String testName) {
    if (FIXTURES.isEmpty()) {
      String override = System.getProperty(PROPERTY);
      String reason =
          (override != null && !override.isBlank()
                  ? "-D" + PROPERTY + "=" + override + " is not a directory"
                  : "no "
                      + FIXTURE_DIR
                      + " directory found walking up from "
                      + Paths.get("").toAbsolutePath())
              + "; the real-world flow-log conformance checks did not run";
      if (NOTICES_PRINTED.add(testName)) {
        System.out.println("NOTICE: " + testName + " skipped: " + reason);
      }
      Assumptions.assumeTrue(false, reason);
    }
    return FIXTURES.get();
  }

  private static Optional<Path> locate() {
    String override = System.getProperty(PROPERTY);
    if (override != null && !override.isBlank()) {
      Path dir = Paths.get(override).toAbsolutePath().normalize();
      return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }
    for (Path dir = Paths.get("").toAbsolutePath().normalize();
        dir != null;
        dir = dir.getParent()) {
      Path candidate = dir.resolve(FIXTURE_DIR);
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
