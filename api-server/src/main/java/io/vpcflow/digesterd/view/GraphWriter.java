package io.vpcflow.digesterd.view;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The graph of a digest: one node per address, one edge per line. Without a limit the lines are
 * written as read (memory: the sink's node bound). With a limit of {@code n} only the {@code n}
 * heaviest edges by bytes are kept ({@link TopRecords}, at most {@code n + 1} records held) and
 * written heaviest first after the whole digest is read; the output says so in its facts: {@code
 * limit}, {@code by}, {@code edgesWritten} and {@code edgesInDigest}.
 */
public final class GraphWriter {
  /** The largest limit accepted. */
  public static final int MAX_LIMIT = 100_000;

  private GraphWriter() {}

  /**
   * Writes the graph of {@code digest} to {@code out} (not closed).
   *
   * @param limit the most edges to write, heaviest first; 0 for all, as read
   * @throws BadDigestException when a line is not a digest line
   */
  public static void write(DigestReader digest, OutputStream out, GraphFormat format, int limit)
      throws IOException {
    GraphSink sink = format.sink(out);
    Map<String, Object> facts = new LinkedHashMap<>();
    long written = 0;
    if (limit > 0) {
      TopRecords top = new TopRecords(limit, Weight.BYTES);
      for (DigestRecord r = digest.next(); r != null; r = digest.next()) {
        top.offer(r);
      }
      for (DigestRecord r : top.heaviestFirst()) {
        draw(sink, r);
        written++;
      }
      facts.put("limit", limit);
      facts.put("by", Weight.BYTES.label());
      facts.put("edgesWritten", written);
      facts.put("edgesInDigest", top.offered());
      facts.put("limited", top.offered() > written);
    } else {
      for (DigestRecord r = digest.next(); r != null; r = digest.next()) {
        draw(sink, r);
        written++;
      }
      facts.put("edgesWritten", written);
      facts.put("edgesInDigest", written);
      facts.put("limited", false);
    }
    sink.finish(facts);
  }

  private static void draw(GraphSink sink, DigestRecord r) throws IOException {
    sink.node(r.src());
    sink.node(r.dst());
    sink.edge(r, null);
  }

  /**
   * The limit given as {@code value}: null for none (0), else 1 to {@link #MAX_LIMIT}.
   *
   * @throws InvalidParameterException naming {@code parameter} otherwise
   */
  public static int limit(String parameter, String value) {
    return value == null ? 0 : Numbers.inRange(parameter, value, 1, MAX_LIMIT);
  }
}
