package io.vpcflow.digesterd.apitesting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product's fat jar ({@code target/vpcflow-digesterd.jar}, built by {@code package}) run as a
 * separate {@code java -jar} process with its own environment; its output goes to a file.
 */
public final class JarProcess implements AutoCloseable {
  /** The fat jar, relative to the api-server module. */
  public static final Path JAR = Paths.get("target", "vpcflow-digesterd.jar").toAbsolutePath();

  private final Process process;
  private final Path output;

  private JarProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /**
   * Starts {@code java -jar vpcflow-digesterd.jar args...} with {@code env} added to this one's.
   */
  public static JarProcess start(Map<String, String> env, Path output, String... args)
      throws IOException {
    return start("1g", env, output, args);
  }

  /**
   * Like {@link #start(Map, Path, String...)}, with a heap of at most {@code maxHeap} ({@code
   * -Xmx}).
   */
  public static JarProcess start(
      String maxHeap, Map<String, String> env, Path output, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx" + maxHeap);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    Files.createDirectories(output.toAbsolutePath().getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().putAll(env);
    return new JarProcess(builder.start(), output);
  }

  /** Waits for the process to end; returns its exit code. */
  public int await(Duration timeout) throws IOException, InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IOException("still running after " + timeout + ":\n" + output());
    }
    return process.exitValue();
  }

  /** Waits until the output has a match of {@code pattern}; returns its first group. */
  public String awaitOutput(Pattern pattern, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> found = find(pattern);
      if (found.isPresent()) {
        return found.get();
      }
      if (!process.isAlive()) {
        throw new IOException(
            "ended (exit "
                + process.exitValue()
                + ") before printing "
                + pattern
                + ":\n"
                + output());
      }
      Thread.sleep(100);
    }
    throw new IOException("no " + pattern + " after " + timeout + ":\n" + output());
  }

  private Optional<String> find(Pattern pattern) throws IOException {
    Matcher matcher = pattern.matcher(output());
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** Everything the process printed so far. */
  public String output() throws IOException {
    return Files.readString(output);
  }

  /** Kills the process at once ({@code kill -9}: SIGKILL, no shutdown hooks) and waits for it. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Stops the process (SIGTERM, then SIGKILL after 30 s). */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
