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

class DigestDiffTest {
  private static final String KEPT = line("10.0.0.1", "10.0.0.2", 0, 443, 6, 10, 1000, "ACCEPT");
  private static final String KEPT_OTHER_TOTALS =
      line("10.0.0.1", "10.0.0.2", 0, 443, 6, 99, 99999, "ACCEPT");
  private static final String GONE = line("10.0.0.3", "10.0.0.2", 0, 22, 6, 1, 60, "REJECT");
  private static final String NEW = line("10.0.0.4", "10.0.0.2", 0, 22, 6, 1, 60, "ACCEPT");

  private static List<String> changes(DigestSource previous, DigestSource next) throws IOException {
    List<String> seen = new ArrayList<>();
    DigestDiff.merge(previous, next, (change, r) -> seen.add(change + " " + r.line()));
    return seen;
  }

  @Test
  void addedRemovedAndUnchangedEdgesWithTotalsIgnored() throws IOException {
    List<String> seen = changes(Digests.source(KEPT, GONE), Digests.source(KEPT_OTHER_TOTALS, NEW));
    assertEquals(List.of("REMOVED " + GONE, "ADDED " + NEW), seen);
    DigestDiff.Counts counts =
        DigestDiff.merge(
            Digests.source(KEPT, GONE), Digests.source(KEPT_OTHER_TOTALS, NEW), (c, r) -> {});
    assertEquals(new DigestDiff.Counts(1, 1, 1), counts);
  }

  @Test
  void anActionChangeIsOneRemovedAndOneAddedInTheSameGroup() throws IOException {
    String accepted = line("10.0.0.1", "10.0.0.2", 0, 443, 6, 10, 1000, "ACCEPT");
    String rejected = line("10.0.0.1", "10.0.0.2", 0, 443, 6, 10, 1000, "REJECT");
    assertEquals(
        List.of("REMOVED " + accepted, "ADDED " + rejected),
        changes(Digests.source(accepted), Digests.source(rejected)));
    // both in the next digest, sorted by totals before the action
    String bigReject = line("10.0.0.1", "10.0.0.2", 0, 443, 6, 9, 5, "REJECT");
    assertEquals(
        List.of("ADDED " + bigReject),
        changes(Digests.source(accepted), Digests.source(accepted, bigReject)));
  }

  @Test
  void everyIdentityFieldMakesADifferentEdge() throws IOException {
    String base = "2 111 eni-1 10.0.0.1 10.0.0.2 0 443 6 1 60 100 160 ACCEPT OK";
    List<String> variants =
        List.of(
            "2 112 eni-1 10.0.0.1 10.0.0.2 0 443 6 1 60 100 160 ACCEPT OK",
            "2 111 eni-2 10.0.0.1 10.0.0.2 0 443 6 1 60 100 160 ACCEPT OK",
            "2 111 eni-1 10.0.0.9 10.0.0.2 0 443 6 1 60 100 160 ACCEPT OK",
            "2 111 eni-1 10.0.0.1 10.0.0.9 0 443 6 1 60 100 160 ACCEPT OK",
            "2 111 eni-1 10.0.0.1 10.0.0.2 443 0 6 1 60 100 160 ACCEPT OK",
            "2 111 eni-1 10.0.0.1 10.0.0.2 0 444 6 1 60 100 160 ACCEPT OK",
            "2 111 eni-1 10.0.0.1 10.0.0.2 0 443 17 1 60 100 160 ACCEPT OK",
            "2 111 eni-1 10.0.0.1 10.0.0.2 0 443 6 1 60 100 160 REJECT OK");
    for (String variant : variants) {
      assertEquals(
          List.of("REMOVED " + base, "ADDED " + variant).stream().sorted().toList(),
          changes(Digests.source(base), Digests.source(variant)).stream().sorted().toList(),
          variant);
    }
    String otherTimes = "2 111 eni-1 10.0.0.1 10.0.0.2 0 443 6 7 700 90 990 ACCEPT OK";
    assertEquals(List.of(), changes(Digests.source(base), Digests.source(otherTimes)));
  }

  @Test
  void emptySides() throws IOException {
    assertEquals(
        List.of("ADDED " + KEPT, "ADDED " + GONE),
        changes(Digests.source(), Digests.source(KEPT, GONE)));
    assertEquals(
        List.of("REMOVED " + KEPT, "REMOVED " + GONE),
        changes(Digests.source(KEPT, GONE), Digests.source()));
    assertEquals(List.of(), changes(Digests.source(), Digests.source()));
    assertEquals(List.of(), changes(Digests.source(KEPT, GONE), Digests.source(KEPT, GONE)));
  }

  @Test
  void longInterleavedDigestsMergeExactly() throws IOException {
    List<String> previous = new ArrayList<>();
    List<String> next = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String l =
          line("10.0." + (i / 250) + "." + (i % 250), "10.9.9.9", 0, 80 + i % 7, 6, 1, i, "ACCEPT");
      boolean inPrevious = i % 3 != 0;
      boolean inNext = i % 5 != 0;
      if (inPrevious) {
        previous.add(l);
      }
      if (inNext) {
        next.add(l);
      }
      if (inPrevious && !inNext) {
        expected.add("REMOVED " + l);
      } else if (inNext && !inPrevious) {
        expected.add("ADDED " + l);
      }
    }
    previous.sort(null);
    next.sort(null);
    List<String> seen =
        changes(
            Digests.source(previous.toArray(String[]::new)),
            Digests.source(next.toArray(String[]::new)));
    assertEquals(expected.stream().sorted().toList(), seen.stream().sorted().toList());
    assertEquals(seen.size(), expected.size());
  }

  @Test
  void theVersionDoesNotMakeAnotherEdgeAndRunsOfSeveralVersionsMergeExactly() throws IOException {
    String v2 = "2 111 eni-1 10.0.0.5 10.0.0.2 0 443 6 1 60 100 160 ACCEPT OK";
    String v5 = "5 111 eni-1 10.0.0.5 10.0.0.2 0 443 6 1 60 100 160 ACCEPT OK";
    assertEquals(
        List.of(),
        changes(Digests.source(v2), Digests.source(v5)),
        "a flow-log format upgraded between windows");
    // previous: a v2 run and a v5 run; next: the same edges with the versions swapped, one edge
    // more
    // in the v5 run and one less in the v2 run.
    String a2 = "2 111 eni-1 10.0.0.1 10.0.0.2 0 443 6 1 60 100 160 ACCEPT OK";
    String c2 = "2 111 eni-1 10.0.0.9 10.0.0.2 0 443 6 1 60 100 160 ACCEPT OK";
    String b5 = "5 111 eni-1 10.0.0.4 10.0.0.2 0 22 6 1 60 100 160 REJECT OK";
    String a5 = "5 111 eni-1 10.0.0.1 10.0.0.2 0 443 6 7 70 100 160 ACCEPT OK";
    String b2 = "2 111 eni-1 10.0.0.4 10.0.0.2 0 22 6 1 60 100 160 REJECT OK";
    String d5 = "5 111 eni-1 10.0.0.3 10.0.0.2 0 80 6 1 60 100 160 ACCEPT OK";
    List<String> seen = changes(Digests.source(a2, c2, b5), Digests.source(b2, a5, d5));
    assertEquals(
        List.of("ADDED " + d5, "REMOVED " + c2),
        seen,
        "in the order of the fields after the version");
    assertEquals(
        new DigestDiff.Counts(1, 1, 2),
        DigestDiff.merge(Digests.source(a2, c2, b5), Digests.source(b2, a5, d5), (c, r) -> {}));
    BadDigestException split =
        assertThrows(
            BadDigestException.class, () -> changes(Digests.source(a2, b5, c2), Digests.source()));
    assertEquals(
        "digest line 3: not in digest order: version 2 appears in two separate runs",
        split.getMessage());
  }

  @Test
  void aDigestOutOfOrderIsRefusedNamingTheLine() {
    BadDigestException bad =
        assertThrows(
            BadDigestException.class, () -> changes(Digests.source(GONE, KEPT), Digests.source()));
    assertEquals(
        "digest line 2: not in digest order (sorted by line, unsigned bytes)", bad.getMessage());
  }

  @Test
  void dotAndJsonMarkTheChanges() throws IOException {
    ByteArrayOutputStream dot = new ByteArrayOutputStream();
    DigestDiff.write(Digests.source(KEPT, GONE), Digests.source(KEPT, NEW), dot, GraphFormat.DOT);
    String text = dot.toString(StandardCharsets.UTF_8);
    assertTrue(
        text.contains("n10_2e0_2e0_2e3 -> n10_2e0_2e0_2e2 [")
            && text.contains("color=red diff=REMOVED label="),
        text);
    assertTrue(
        text.contains("n10_2e0_2e0_2e4 -> n10_2e0_2e0_2e2 [")
            && text.contains("color=green diff=ADDED label="),
        text);
    assertEquals(2, text.lines().filter(l -> l.contains(" -> ")).count(), text);
    assertTrue(text.endsWith("  // added=1\n  // removed=1\n  // unchanged=1\n}\n"), text);

    ByteArrayOutputStream json = new ByteArrayOutputStream();
    DigestDiff.write(Digests.source(KEPT, GONE), Digests.source(KEPT, NEW), json, GraphFormat.JSON);
    JsonNode diff = new ObjectMapper().readTree(json.toByteArray());
    assertEquals("REMOVED", diff.get("edges").get(0).get("diff").asText());
    assertEquals("10.0.0.3", diff.get("edges").get(0).get("srcaddr").asText());
    assertEquals("ADDED", diff.get("edges").get(1).get("diff").asText());
    assertEquals(3, diff.get("nodes").size());
    assertEquals(1, diff.get("unchanged").asLong());
  }
}
