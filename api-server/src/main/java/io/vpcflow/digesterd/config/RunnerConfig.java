package io.vpcflow.digesterd.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * A runner config file of {@code runner-configs/}: Beam pipeline options as {@code name=value}
 * lines (Java properties), turned into {@code --name=value} arguments.
 */
public final class RunnerConfig {
  private RunnerConfig() {}

  /**
   * The arguments of a run: those of the runner config file, if any, with {@code extra} ones
   * replacing any of the same name (Beam refuses an option given twice).
   *
   * @throws IOException when the file cannot be read
   */
  public static List<String> pipelineArguments(Path runnerConfig, List<String> extra)
      throws IOException {
    return merge(runnerConfig == null ? List.of() : arguments(runnerConfig), extra);
  }

  /**
   * {@code base} arguments with {@code overrides} replacing any of the same name (Beam refuses an
   * option given twice).
   */
  public static List<String> merge(List<String> base, List<String> overrides) {
    Map<String, String> byName = new LinkedHashMap<>();
    base.forEach(arg -> byName.put(name(arg), arg));
    overrides.forEach(arg -> byName.put(name(arg), arg));
    return new ArrayList<>(byName.values());
  }

  private static String name(String arg) {
    int equals = arg.indexOf('=');
    return equals < 0 ? arg : arg.substring(0, equals);
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
