package io.vpcflow.digesterd.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * A runner config file of {@code runner-configs/}: Beam pipeline options as {@code name=value}
 * lines (Java properties), turned into {@code --name=value} arguments.
 */
public final class RunnerConfig {
  private RunnerConfig() {}

  /**
   * The arguments of a run: those of the runner config file, if any, then {@code extra} (which
   * Beam applies last, so they win).
   *
   * @throws IOException when the file cannot be read
   */
  public static List<String> pipelineArguments(Path runnerConfig, List<String> extra)
      throws IOException {
    List<String> args = new ArrayList<>();
    if (runnerConfig != null) {
      args.addAll(arguments(runnerConfig));
    }
    args.addAll(extra);
    return args;
  }

  /**
   * The pipeline arguments of a runner config file, in name order.
   *
   * @throws IOException when the file cannot be read
   */
  public static List<String> arguments(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    List<String> args = new ArrayList<>();
    for (String name : new TreeSet<>(properties.stringPropertyNames())) {
      args.add("--" + name + "=" + properties.getProperty(name).trim());
    }
    return args;
  }
}
