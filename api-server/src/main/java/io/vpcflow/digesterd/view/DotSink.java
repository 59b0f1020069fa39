package io.vpcflow.digesterd.view;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A graph in Graphviz DOT as vpcflow-grapherd wrote it: {@code digraph {}, one {@code id
 * [label="address"]} statement per node, one {@code src -> dst [govpc_accountID=.. govpc_eniID=..
 * govpc_srcPort=.. govpc_dstPort=.. govpc_protocol=.. govpc_packets=.. govpc_bytes=.. govpc_start=..
 * govpc_end=.. color=red|green label=..]} statement per edge (red for {@code REJECT}), plus {@code
 * diff=ADDED|REMOVED} in a diff; the facts as {@code //} comments before the closing brace. Node
 * ids come from {@link NodeIds}.
 *
 * <p>A node is declared before its first edge. The nodes already declared are remembered up to
 * {@link #REMEMBERED_NODES} (least recently used forgotten first): past that, a node may be
 * declared again by the same statement, which DOT reads as the same node.
 */
final class DotSink implements GraphSink {
  /** How many declared nodes are remembered to avoid declaring them again. */
  static final int REMEMBERED_NODES = 100_000;

  private final Writer out;
  private final Map<String, Boolean> declared =
      new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED_NODES;
        }
      };

  DotSink(OutputStream out) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    this.out.write("digraph {\n");
  }

  @Override
  public void node(String address) throws IOException {
    if (declared.put(address, Boolean.TRUE) == null) {
      out.write("  " + NodeIds.of(address) + " [label=" + quoted(address) + "]\n");
    }
  }

  @Override
  public void edge(DigestRecord r, String change) throws IOException {
    StringBuilder s = new StringBuilder(512);
    s.append("  ")
        .append(NodeIds.of(r.src()))
        .append(" -> ")
        .append(NodeIds.of(r.dst()))
        .append(" [");
    s.append("govpc_accountID=").append(quoted(r.account()));
    s.append(" govpc_eniID=").append(quoted(r.iface()));
    s.append(" govpc_srcPort=").append(quoted(r.srcPort()));
    s.append(" govpc_dstPort=").append(quoted(r.dstPort()));
    s.append(" govpc_protocol=").append(quoted(r.protocol()));
    s.append(" govpc_packets=\"").append(r.packets()).append('"');
    s.append(" govpc_bytes=\"").append(r.bytes()).append('"');
    s.append(" govpc_start=").append(quoted(r.start()));
    s.append(" govpc_end=").append(quoted(r.end()));
    s.append(" color=").append(r.rejected() ? "red" : "green");
    if (change != null) {
      s.append(" diff=").append(change);
    }
    s.append(" label=")
        .append(
            quoted(
                "accountID="
                    + r.account()
                    + "\n"
                    + "eniID="
                    + r.iface()
                    + "\n"
                    + "srcPort="
                    + r.srcPort()
                    + "\n"
                    + "dstPort="
                    + r.dstPort()
                    + "\n"
                    + "protocol="
                    + r.protocol()
                    + "\n"
                    + "packets="
                    + r.packets()
                    + "\n"
                    + "bytes="
                    + r.bytes()
                    + "\n"
                    + "start="
                    + r.start()
                    + "\n"
                    + "end="
                    + r.end()));
    s.append("]\n");
    out.write(s.toString());
  }

  @Override
  public void finish(Map<String, Object> facts) throws IOException {
    for (Map.Entry<String, Object> fact : facts.entrySet()) {
      out.write(
          "  // "
              + fact.getKey()
              + "="
              + fact.getValue().toString().replaceAll("[\\r\\n]", " ")
              + "\n");
    }
    out.write("}\n");
    out.flush();
  }

  /** A DOT double-quoted string: quotes and backslashes escaped, newlines as {@code \n}. */
  static String quoted(String value) {
    StringBuilder s = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        default -> s.append(c);
      }
    }
    return s.append('"').toString();
  }
}
