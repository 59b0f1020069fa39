package io.vpcflow.digesterd.config;

import java.util.List;

/** Configuration that cannot be used; lists every problem found, each naming its variable. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super("invalid configuration:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, one per variable. */
  public List<String> problems() {
    return problems;
  }
}
