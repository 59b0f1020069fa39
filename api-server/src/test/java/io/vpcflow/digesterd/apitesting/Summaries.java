package io.vpcflow.digesterd.apitesting;

import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.window.DigestWindow;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Summaries of digests that tests store by hand. */
public final class Summaries {
  private Summaries() {}

  /** A summary of a digest of {@code window} with {@code keys} lines, as if built by hand. */
  public static DigestSummary of(DigestWindow window, long keys, long digestBytes) {
    return new DigestSummary(
        window.digestId().toString(),
        window.start(),
        window.stop(),
        DigestSummary.DONE,
        "ByHand",
        "stored by the test",
        "memory://" + window.digestId() + ".log.gz",
        Instant.parse("2024-01-01T00:00:00Z"),
        Instant.parse("2024-01-01T00:00:01Z"),
        1000,
        new DigestSummary.Objects(3, 3, 0, Map.of(), 300, 900),
        new DigestSummary.Records(keys, keys, 0, 0, 0, Map.of("digested", keys)),
        keys,
        digestBytes,
        List.of(),
        false,
        null,
        null);
  }
}
