package io.vpcflow.digesterd.service;

import java.time.Instant;
import java.util.List;

/**
 * One page of the stored digests whose windows overlap a time range ({@code GET /digests}).
 *
 * @param digests the digests of this page, in the order of their ids
 * @param next the cursor of the next page ({@code after}); null when this is the last
 */
public record StoredDigests(List<Item> digests, String next) {

  /**
   * A stored digest by its summary.
   *
   * @param state {@code done}, or {@code failed} when its last attempt failed
   * @param keys its lines (0 when failed)
   * @param records the flow-log records digested (null when failed)
   * @param digestBytes the size of the gzip'd digest
   * @param reason why it failed (null when done)
   */
  public record Item(
      String id,
      Instant start,
      Instant stop,
      String state,
      long keys,
      Long records,
      long digestBytes,
      Instant finishedAt,
      String reason) {}
}
