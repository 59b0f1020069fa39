package io.vpcflow.digesterd.view;

import java.io.IOException;
import java.util.Map;

/**
 * Where a graph or a diff is written, node by node and edge by edge. A node may be offered many
 * times; the sink declares it as it sees fit. {@link #finish} ends the document.
 */
interface GraphSink {
  /** Offers the node of {@code address}, before the first edge that touches it. */
  void node(String address) throws IOException;

  /**
   * Writes the edge of one digest line.
   *
   * @param change {@code ADDED} or {@code REMOVED} in a diff; null in a graph
   */
  void edge(DigestRecord record, String change) throws IOException;

  /**
   * Ends the document with {@code facts} (counts, limits) and flushes it.
   *
   * @param facts names and values (strings, numbers or booleans), in the order to write them
   */
  void finish(Map<String, Object> facts) throws IOException;
}
