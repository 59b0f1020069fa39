package io.vpcflow.digesterd.view;

import static io.vpcflow.digesterd.view.Digests.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphWriterTest {
  /** The digest of go-vpcflow's own converter test (digest order). */
  private static final String[] GRAPHERD = {
    "2 123456789010 eni-abc123de 172.31.16.139 172.31.16.21 0 80 6 20 1000 1418530010 1818530070 REJECT OK",
    "2 123456789010 eni-abc123de 172.31.16.139 172.31.16.21 0 80 6 40 2000 1418530010 1818530070 ACCEPT OK",
    "2 123456789010 eni-abc123de 172.31.16.21 172.31.16.139 80 0 6 40 2000 1418530010 1818530070 ACCEPT OK",
  };

  private static String dot(DigestReader digest, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GraphWriter.write(digest, out, GraphFormat.DOT, limit);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static JsonNode json(DigestReader digest, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GraphWriter.write(digest, out, GraphFormat.JSON, limit);
    return new ObjectMapper().readTree(out.toByteArray());
  }

  @Test
  void dotHasGrapherdsEdgeAttributesColoursAndOneNodePerAddress() throws IOException {
    String dot = dot(Digests.of(GRAPHERD), 0);
    List<String> lines = List.of(dot.split("\n"));
    assertEquals("digraph {", lines.get(0));
    assertEquals("}", lines.get(lines.size() - 1));
    String a = "n172_2e31_2e16_2e139";
    String b = "n172_2e31_2e16_2e21";
    assertEquals("  " + a + " [label=\"172.31.16.139\"]", lines.get(1));
    assertEquals("  " + b + " [label=\"172.31.16.21\"]", lines.get(2));
    assertEquals(
        "  "
            + a
            + " -> "
            + b
            + " [govpc_accountID=\"123456789010\" govpc_eniID=\"eni-abc123de\" govpc_srcPort=\"0\""
            + " govpc_dstPort=\"80\" govpc_protocol=\"6\" govpc_packets=\"20\" govpc_bytes=\"1000\" govpc_start=\"1418530010\""
            + " govpc_end=\"1818530070\" color=red label=\"accountID=123456789010\\neniID=eni-abc123de\\nsrcPort=0\\ndstPort=80"
            + "\\nprotocol=6\\npackets=20\\nbytes=1000\\nstart=1418530010\\nend=1818530070\"]",
        lines.get(3));
    assertTrue(
        lines.get(4).startsWith("  " + a + " -> " + b + " [")
            && lines.get(4).contains("color=green"),
        lines.get(4));
    assertTrue(
        lines.get(5).startsWith("  " + b + " -> " + a + " [")
            && lines.get(5).contains("govpc_srcPort=\"80\""),
        lines.get(5));
    assertEquals(
        2,
        lines.stream().filter(l -> l.contains("[label=")).count(),
        "one node statement per address");
    assertEquals(3, lines.stream().filter(l -> l.contains(" -> ")).count(), "one edge per line");
    assertTrue(dot.contains("  // edgesWritten=3\n") && dot.contains("  // limited=false\n"), dot);
  }

  @Test
  void addressesGrapherdMergedStayTwoNodes() throws IOException {
    JsonNode graph =
        json(Digests.of(line("10.1.11.1", "10.11.1.1", 0, 443, 6, 1, 60, "ACCEPT")), 0);
    assertEquals(2, graph.get("nodes").size());
    assertEquals("n10_2e1_2e11_2e1", graph.get("edges").get(0).get("source").asText());
    assertEquals("n10_2e11_2e1_2e1", graph.get("edges").get(0).get("target").asText());
    assertEquals("10.11.1.1", graph.get("nodes").get(1).get("address").asText());
  }

  @Test
  void jsonHasNodesEdgesWithFieldsAndFacts() throws IOException {
    JsonNode graph = json(Digests.of(GRAPHERD), 0);
    assertEquals(3, graph.get("edges").size());
    assertEquals(2, graph.get("nodes").size());
    JsonNode first = graph.get("edges").get(0);
    assertEquals("123456789010", first.get("account-id").asText());
    assertEquals("REJECT", first.get("action").asText());
    assertEquals(1000, first.get("bytes").asLong());
    assertEquals(80, first.get("dstport").asInt());
    assertEquals(3, graph.get("edgesInDigest").asLong());
    assertEquals(false, graph.get("limited").asBoolean());
    assertTrue(graph.get("nodesComplete").asBoolean());
  }

  @Test
  void ipv6EdgesAreDrawn() throws IOException {
    String dot =
        dot(Digests.of(line("2001:db8::1", "2001:db8::10", 0, 53, 17, 2, 120, "ACCEPT")), 0);
    assertTrue(dot.contains("  n2001_3adb8_3a_3a1 -> n2001_3adb8_3a_3a10 ["), dot);
    assertTrue(dot.contains("[label=\"2001:db8::10\"]"), dot);
  }

  @Test
  void limitKeepsTheHeaviestEdgesByBytesAndSaysSo() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      // bytes not in line order: 7 * i mod 50 spreads them
      lines.add(line("10.0.0." + i, "10.0.1.1", 0, 443, 6, 1, (7L * i) % 50 * 100 + 1, "ACCEPT"));
    }
    lines.sort(null);
    JsonNode graph = json(Digests.of(lines.toArray(String[]::new)), 3);
    assertEquals(3, graph.get("edges").size());
    assertEquals(4901, graph.get("edges").get(0).get("bytes").asLong());
    assertEquals(4801, graph.get("edges").get(1).get("bytes").asLong());
    assertEquals(4701, graph.get("edges").get(2).get("bytes").asLong());
    assertEquals(4, graph.get("nodes").size());
    assertEquals(3, graph.get("limit").asInt());
    assertEquals("bytes", graph.get("by").asText());
    assertEquals(50, graph.get("edgesInDigest").asLong());
    assertTrue(graph.get("limited").asBoolean());
    String dot = dot(Digests.of(lines.toArray(String[]::new)), 3);
    assertTrue(
        dot.contains(
            "  // limit=3\n  // by=bytes\n  // edgesWritten=3\n  // edgesInDigest=50\n  // limited=true\n}"),
        dot);
  }

  @Test
  void emptyDigestIsAnEmptyGraph() throws IOException {
    assertEquals(
        "digraph {\n  // edgesWritten=0\n  // edgesInDigest=0\n  // limited=false\n}\n",
        dot(Digests.of(), 0));
    assertEquals(0, json(Digests.plain(), 5).get("edges").size());
  }

  @Test
  void badLinesAndLimitsAreRefused() {
    BadDigestException bad =
        assertThrows(
            BadDigestException.class, () -> dot(Digests.of(GRAPHERD[0], "2 123 eni-1 x"), 0));
    assertEquals("digest line 2: has 4 fields, not 14", bad.getMessage());
    assertEquals(
        "limit",
        assertThrows(InvalidParameterException.class, () -> GraphWriter.limit("limit", "0"))
            .parameter());
    assertThrows(InvalidParameterException.class, () -> GraphWriter.limit("limit", "100001"));
    assertThrows(InvalidParameterException.class, () -> GraphWriter.limit("limit", "-1"));
    assertEquals(1000, GraphWriter.limit("limit", "1000"));
    assertEquals(0, GraphWriter.limit("limit", null));
  }
}
