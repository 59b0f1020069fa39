package io.vpcflow.digesterd.apitesting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real standalone Flink 1.19 session cluster (JobManager and TaskManager processes), started and
 * stopped with the repository's {@code runner-configs/flink-local-cluster} scripts on free loopback
 * ports, its work directory and logs under {@code target/}.
 */
public final class FlinkCluster implements AutoCloseable {
  private static final Path SCRIPTS =
      Paths.get("..", "runner-configs", "flink-local-cluster").toAbsolutePath().normalize();

  private final Map<String, String> env;
  private final int restPort;
  private final Path directory;

  private FlinkCluster(Path directory, int restPort, int rpcPort) {
    this.directory = directory;
    this.restPort = restPort;
    this.env =
        Map.of(
            "FLINK_CLUSTER_DIR", directory.toString(),
            "FLINK_REST_PORT", Integer.toString(restPort),
            "FLINK_RPC_PORT", Integer.toString(rpcPort));
  }

  /**
   * Starts a cluster with its work directory in {@code directory}; waits until its slots are free.
   */
  public static FlinkCluster start(Path directory) throws IOException, InterruptedException {
    FlinkCluster cluster =
        new FlinkCluster(directory.toAbsolutePath(), ServerEnv.freePort(), ServerEnv.freePort());
    cluster.script("start.sh", 300);
    return cluster;
  }

  /** The REST address, as {@code --flinkMaster} takes it. */
  public String master() {
    return "127.0.0.1:" + restPort;
  }

  /** The cluster's log directory. */
  public Path logs() {
    return directory.resolve("log");
  }

  private void script(String name, long timeoutSeconds) throws IOException, InterruptedException {
    Path output = Files.createDirectories(directory).resolve(name + ".out");
    ProcessBuilder builder =
        new ProcessBuilder(List.of("bash", SCRIPTS.resolve(name).toString()))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(
          name + " did not finish in " + timeoutSeconds + " s:\n" + Files.readString(output));
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          name + " failed (exit " + process.exitValue() + "):\n" + Files.readString(output));
    }
  }

  /** Stops both processes. */
  @Override
  public void close() throws IOException, InterruptedException {
    script("stop.sh", 120);
  }
}
