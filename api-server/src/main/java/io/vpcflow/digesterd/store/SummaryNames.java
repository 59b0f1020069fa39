package io.vpcflow.digesterd.store;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The names of digest summaries: {@code <id>.json}, the id a lower-case UUID. */
final class SummaryNames {
  private static final Pattern SUMMARY =
      Pattern.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.json");

  private SummaryNames() {}

  /** The id of the summary named {@code name}, or empty for any other name. */
  static Optional<UUID> id(String name) {
    var m = SUMMARY.matcher(name);
    return m.matches() ? Optional.of(UUID.fromString(m.group(1))) : Optional.empty();
  }
}
