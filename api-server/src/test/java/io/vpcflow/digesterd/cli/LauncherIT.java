package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpcflow.digesterd.apitesting.JarProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/vpcflow-digesterd} writes a class-data-sharing archive in its first {@code digest} and
 * has later runs map it; a rebuilt jar (same bytes, new modification time, which the JVM refuses an
 * old archive for) gets an archive of its own. {@code -Xshare:on} makes the JVM exit when it cannot
 * map the archive it is given.
 */
class LauncherIT {
  private static final Path LAUNCHER = Paths.get("..", "bin", "vpcflow-digesterd").toAbsolutePath();

  @TempDir Path temp;
  private int runs;

  @Test
  void laterRunsMapTheArchiveOfTheFirstAndARebuiltJarGetsItsOwn() throws Exception {
    Path jar = temp.resolve("jar").resolve("vpcflow-digesterd.jar");
    Files.createDirectories(jar.getParent());
    Files.copy(JarProcess.JAR, jar);
    Path archives = temp.resolve("cache").resolve("vpcflow-digesterd");

    assertEquals(0, digest(jar, ""), "first run");
    assertEquals(1, archives(archives).size());
    assertEquals(0, digest(jar, "-Xshare:on"), "second run, which must map the archive");

    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
    assertEquals(0, digest(jar, ""), "first run of the rebuilt jar");
    assertEquals(2, archives(archives).size());
    assertEquals(0, digest(jar, "-Xshare:on"), "second run of the rebuilt jar");
  }

  /** A digest of an empty window by the launcher with {@code JAVA_OPTS}; its exit code. */
  private int digest(Path jar, String javaOpts) throws IOException, InterruptedException {
    Path logs = Files.createDirectories(temp.resolve("logs"));
    runs++;
    Path storage = Files.createDirectories(temp.resolve("storage-" + runs));
    Path output = temp.resolve("launcher-" + runs + ".out");
    ProcessBuilder builder =
        new ProcessBuilder(
                LAUNCHER.toString(),
                "digest",
                "--start",
                "2024-06-01T00:00:00Z",
                "--stop",
                "2024-06-01T01:00:00Z")
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().remove("VPCFLOW_DIGESTERD_CDS");
    builder.environment().put("VPCFLOW_DIGESTERD_JAR", jar.toString());
    builder.environment().put("XDG_CACHE_HOME", temp.resolve("cache").toString());
    builder.environment().put("JAVA_OPTS", "-Xmx256m " + javaOpts);
    builder.environment().put("VPC_FLOW_LOGS_BUCKET", logs.toUri().toString());
    builder.environment().put("DIGEST_STORAGE_BUCKET", storage.toUri().toString());
    Process process = builder.start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("launcher still running:\n" + Files.readString(output));
    }
    if (process.exitValue() != 0) {
      System.err.println(Files.readString(output));
    }
    return process.exitValue();
  }

  private static List<Path> archives(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".jsa")).toList();
    }
  }
}
