package io.vpcflow.digesterd.view;

import static io.vpcflow.digesterd.view.Digests.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryWriterTest {
  private static final String A = line("10.0.0.1", "10.0.0.9", 0, 443, 6, 900, 100, "ACCEPT");
  private static final String B = line("10.0.0.2", "10.0.0.9", 0, 443, 6, 5, 5000, "ACCEPT");
  private static final String C = line("10.0.0.3", "10.0.0.9", 0, 22, 6, 50, 300, "REJECT");
  private static final String D = line("172.16.0.1", "10.0.0.9", 0, 443, 6, 1, 40000, "ACCEPT");

  private static String run(Map<String, String> params) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    QueryWriter.write(Digests.of(A, B, C, D), Query.parse(params::get), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonListsTheMatchesInDigestOrderWithCounts() throws IOException {
    JsonNode body = new ObjectMapper().readTree(run(Map.of("port", "443", "addr", "10.0.0.0/30")));
    assertEquals(2, body.get("records").size());
    assertEquals("10.0.0.1", body.get("records").get(0).get("srcaddr").asText());
    assertEquals("10.0.0.2", body.get("records").get(1).get("srcaddr").asText());
    assertEquals(4, body.get("read").asLong());
    assertEquals(2, body.get("matched").asLong());
    assertEquals(2, body.get("written").asLong());
    assertEquals(true, body.get("top").isNull());
  }

  @Test
  void topKeepsTheHeaviestMatchesByBytesOrPackets() throws IOException {
    JsonNode bytes = new ObjectMapper().readTree(run(Map.of("top", "2", "action", "ACCEPT")));
    assertEquals(
        List.of(40000L, 5000L),
        List.of(
            bytes.get("records").get(0).get("bytes").asLong(),
            bytes.get("records").get(1).get("bytes").asLong()));
    assertEquals(3, bytes.get("matched").asLong());
    JsonNode packets = new ObjectMapper().readTree(run(Map.of("top", "2", "by", "packets")));
    assertEquals(
        List.of(900L, 50L),
        List.of(
            packets.get("records").get(0).get("packets").asLong(),
            packets.get("records").get(1).get("packets").asLong()));
    assertEquals("packets", packets.get("by").asText());
  }

  @Test
  void csvAndNdjson() throws IOException {
    assertEquals(
        "version,account-id,interface-id,srcaddr,dstaddr,srcport,dstport,protocol,packets,bytes,start,end,action,log-status\r\n"
            + "2,123456789010,eni-abc123de,10.0.0.3,10.0.0.9,0,22,6,50,300,1418530010,1418530070,REJECT,OK\r\n",
        run(Map.of("format", "csv", "action", "reject")));
    String ndjson = run(Map.of("format", "ndjson", "port", "443"));
    List<String> lines = ndjson.lines().toList();
    assertEquals(3, lines.size());
    assertEquals("10.0.0.1", new ObjectMapper().readTree(lines.get(0)).get("srcaddr").asText());
    assertEquals("", run(Map.of("format", "ndjson", "port", "1")));
  }

  @Test
  void badQueryParametersAreNamed() {
    assertEquals(
        "top",
        assertThrows(InvalidParameterException.class, () -> run(Map.of("top", "0"))).parameter());
    assertEquals(
        "by",
        assertThrows(InvalidParameterException.class, () -> run(Map.of("by", "flows")))
            .parameter());
    assertEquals(
        "format",
        assertThrows(InvalidParameterException.class, () -> run(Map.of("format", "xml")))
            .parameter());
  }
}
