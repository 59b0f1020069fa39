package io.vpcflow.digesterd.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.flowlog.FlowLogReader;
import io.vpcflow.digesterd.flowlog.LineCounts;
import io.vpcflow.digesterd.flowlog.LineOutcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestTableTest {
  /** Reads the lines (one object) into the table and returns the line counts. */
  static LineCounts feed(DigestTable table, String... lines) throws IOException {
    byte[] text = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    return new FlowLogReader().read(new ByteArrayInputStream(text), table).counts();
  }

  /** The table's lines, rendered and sorted, as strings. */
  static List<String> rendered(DigestTable table) {
    List<byte[]> lines = new ArrayList<>();
    table.entries().forEach((key, totals) -> lines.add(DigestLines.render(key, totals)));
    DigestLines.sort(lines);
    List<String> out = new ArrayList<>();
    for (byte[] line : lines) {
      out.add(new String(line, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static DigestKey key(
      String src, String dst, Integer srcport, Integer dstport, int protocol, String action) {
    return DigestKey.of("2", "1", "eni-a", src, dst, srcport, dstport, protocol, action, "OK");
  }

  @Test
  void foldsRecordsIntoHandComputedTotals() throws IOException {
    DigestTable table = new DigestTable(60, 300);
    LineCounts counts =
        feed(
            table,
            // client 10.0.0.1 -> server 443: srcport becomes 0
            "2 1 eni-a 10.0.0.1 10.0.0.2 50000 443 6 10 1000 100 160 ACCEPT OK",
            "2 1 eni-a 10.0.0.1 10.0.0.2 50001 443 6 5 500 90 200 ACCEPT OK",
            // server 443 -> client: dstport becomes 0
            "2 1 eni-a 10.0.0.2 10.0.0.1 443 50000 6 7 700 110 150 ACCEPT OK",
            "2 1 eni-a 10.0.0.2 10.0.0.1 443 50002 6 3 30 120 130 ACCEPT OK",
            // equal ports: srcport becomes 0
            "2 1 eni-a 10.0.0.3 10.0.0.4 53 53 17 1 80 100 101 ACCEPT OK",
            // no ports, no end
            "2 1 eni-a 10.0.0.5 10.0.0.6 - - 1 2 168 130 - ACCEPT OK",
            // one port absent: both kept; end absent on one record only
            "2 1 eni-a 10.0.0.7 10.0.0.8 - 80 6 1 60 100 - ACCEPT OK",
            "2 1 eni-a 10.0.0.7 10.0.0.8 - 80 6 1 60 101 105 ACCEPT OK",
            // the action is part of the key; start == window start is inside
            "2 1 eni-a 10.0.0.1 10.0.0.2 50000 443 6 4 40 60 70 REJECT OK",
            // start == window stop and start before the window are outside
            "2 1 eni-a 10.0.0.1 10.0.0.2 50000 443 6 99 9900 300 360 ACCEPT OK",
            "2 1 eni-a 10.0.0.1 10.0.0.2 50000 443 6 99 9900 59 100 ACCEPT OK");
    assertEquals(9, counts.get(LineOutcome.DIGESTED));
    assertEquals(2, counts.get(LineOutcome.OUTSIDE_WINDOW));
    assertEquals(11, counts.total());

    assertEquals(6, table.size());
    Map<DigestKey, DigestTotals> e = table.entries();
    assertEquals(
        new DigestTotals(15, 1500, 90, 200),
        e.get(key("10.0.0.1", "10.0.0.2", 0, 443, 6, "ACCEPT")));
    assertEquals(
        new DigestTotals(10, 730, 110, 150),
        e.get(key("10.0.0.2", "10.0.0.1", 443, 0, 6, "ACCEPT")));
    assertEquals(
        new DigestTotals(1, 80, 100, 101), e.get(key("10.0.0.3", "10.0.0.4", 0, 53, 17, "ACCEPT")));
    assertEquals(
        new DigestTotals(2, 168, 130, DigestTotals.ABSENT),
        e.get(key("10.0.0.5", "10.0.0.6", null, null, 1, "ACCEPT")));
    assertEquals(
        new DigestTotals(2, 120, 100, 105),
        e.get(key("10.0.0.7", "10.0.0.8", null, 80, 6, "ACCEPT")));
    assertEquals(
        new DigestTotals(4, 40, 60, 70), e.get(key("10.0.0.1", "10.0.0.2", 0, 443, 6, "REJECT")));
    // the raw ports are not keys
    assertNull(e.get(key("10.0.0.1", "10.0.0.2", 50000, 443, 6, "ACCEPT")));

    assertEquals(
        List.of(
            "2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 15 1500 90 200 ACCEPT OK",
            "2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 4 40 60 70 REJECT OK",
            "2 1 eni-a 10.0.0.2 10.0.0.1 443 0 6 10 730 110 150 ACCEPT OK",
            "2 1 eni-a 10.0.0.3 10.0.0.4 0 53 17 1 80 100 101 ACCEPT OK",
            "2 1 eni-a 10.0.0.5 10.0.0.6 - - 1 2 168 130 - ACCEPT OK",
            "2 1 eni-a 10.0.0.7 10.0.0.8 - 80 6 2 120 100 105 ACCEPT OK"),
        rendered(table));
  }

  @Test
  void sameKeyFromDifferentFormatsAndSpacingIsOneEntry() throws IOException {
    DigestTable table = new DigestTable(0, 1_000);
    feed(table, "2 1 eni-a 10.0.0.1 10.0.0.2 50000 443 6 10 1000 100 160 ACCEPT OK");
    // same values, alphabetical header, tabs and double spaces, srcport with a leading zero
    feed(
        table,
        "account-id action bytes dstaddr dstport end interface-id log-status packets protocol"
            + " srcaddr srcport start version",
        "1\tACCEPT  20 10.0.0.2 443 170 eni-a OK 2 6 10.0.0.1 050000 95 2");
    assertEquals(1, table.size());
    assertEquals(
        List.of("2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 12 1020 95 170 ACCEPT OK"), rendered(table));
  }

  @Test
  void keyIsTheSameWhateverSeparatesItsFieldsInTheLine() throws IOException {
    DigestTable table = new DigestTable(0, 1_000);
    feed(
        table,
        "2 1 eni-a 10.0.0.1 10.0.0.2 50000 443 6 10 1000 100 160 ACCEPT OK",
        "2\t1 eni-a  10.0.0.1 10.0.0.2 50000 443 6 10 1000 100 160 ACCEPT\tOK",
        "2 1 eni-a 10.0.0.1\t10.0.0.2 50000 443 6 10 1000 100 160 ACCEPT  OK",
        "2 - - 10.0.0.1 10.0.0.2 50000 443 6 1 1 100 160 ACCEPT OK",
        "2\t-\t-\t10.0.0.1\t10.0.0.2 50000 443 6 1 1 100 160 REJECT OK",
        "2 - - 10.0.0.1 10.0.0.2 50000 443 6 1 1 100 160 REJECT OK");
    assertEquals(
        List.of(
            "2 - - 10.0.0.1 10.0.0.2 0 443 6 1 1 100 160 ACCEPT OK",
            "2 - - 10.0.0.1 10.0.0.2 0 443 6 2 2 100 160 REJECT OK",
            "2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 30 3000 100 160 ACCEPT OK"),
        rendered(table));
  }

  @Test
  void formatWithoutOptionalKeyFieldsPrintsDashes() throws IOException {
    DigestTable table = new DigestTable(0, 2_000_000_000L);
    feed(
        table,
        "srcaddr dstaddr packets bytes start",
        "10.0.0.1 10.0.0.2 3 300 1500000000",
        "10.0.0.1 10.0.0.2 4 400 1400000000");
    assertEquals(List.of("- - - 10.0.0.1 10.0.0.2 - - - 7 700 1400000000 - - -"), rendered(table));
    assertEquals(
        new DigestTotals(7, 700, 1400000000, DigestTotals.ABSENT),
        table
            .entries()
            .get(
                DigestKey.of(
                    null, null, null, "10.0.0.1", "10.0.0.2", null, null, null, null, null)));
  }

  @Test
  void nonAsciiAndLongKeysAreFoundAgain() throws IOException {
    String eni = "eni-" + "ж".repeat(200); // 404 bytes, longer than the probe's first buffer
    DigestTable table = new DigestTable(0, 1_000);
    for (int i = 0; i < 3; i++) {
      String start = Integer.toString(100 + i);
      feed(table, "2 1 " + eni + " 10.0.0.1 10.0.0.2 1024 1024 6 1 10 " + start + " 200 ACCEPT OK");
    }
    assertEquals(1, table.size());
    assertEquals(
        new DigestTotals(3, 30, 100, 200),
        table
            .entries()
            .get(DigestKey.of("2", "1", eni, "10.0.0.1", "10.0.0.2", 0, 1024, 6, "ACCEPT", "OK")));
  }

  @Test
  void manyKeysThroughManyGrowthsMatchASimpleMap() throws IOException {
    java.util.Random random = new java.util.Random(7);
    DigestTable table = new DigestTable(0, 1_000_000);
    Map<String, Long> packets = new java.util.HashMap<>();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 300_000; i++) {
      int host = random.nextInt(60_000);
      String src = "10." + (host >> 8) + "." + (host & 0xff) + ".1";
      long count = 1 + random.nextInt(9);
      lines.add("2 1 eni-a " + src + " 10.9.9.9 40000 443 6 " + count + " 100 500 600 ACCEPT OK");
      packets.merge(src, count, Long::sum);
    }
    feed(table, lines.toArray(String[]::new));

    assertEquals(packets.size(), table.size());
    Map<DigestKey, DigestTotals> entries = table.entries();
    for (Map.Entry<String, Long> expected : packets.entrySet()) {
      DigestKey key =
          DigestKey.of("2", "1", "eni-a", expected.getKey(), "10.9.9.9", 0, 443, 6, "ACCEPT", "OK");
      assertEquals(expected.getValue().longValue(), entries.get(key).packets(), expected.getKey());
    }
  }

  @Test
  void aClearedTableKeepsItsArraysAndFoldsAsANewOne() throws IOException {
    java.util.Random random = new java.util.Random(13);
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      int host = random.nextInt(5_000);
      String line =
          "2 1 eni-a 10.0."
              + (host >> 8)
              + "."
              + (host & 0xff)
              + " 10.9.9.9 40000 443 6 "
              + (1 + random.nextInt(9))
              + " 100 500 600 ACCEPT OK";
      (i % 2 == 0 ? first : second).add(line);
    }
    DigestTable reused = new DigestTable(0, 1_000_000);
    feed(reused, first.toArray(String[]::new));
    // Two records still pending (not folded in) when the table is cleared: they go too.
    feed(reused, "2 1 eni-p 10.1.1.1 10.9.9.9 1 2 6 1 1 500 600 ACCEPT OK");
    feed(reused, "2 1 eni-q 10.1.1.2 10.9.9.9 1 2 6 1 1 500 600 ACCEPT OK");
    long grown = reused.footprintBytes();
    reused.clear();
    assertTrue(reused.isEmpty());
    assertEquals(0, reused.size());
    assertEquals(grown, reused.footprintBytes());

    feed(reused, second.toArray(String[]::new));
    DigestTable fresh = new DigestTable(0, 1_000_000);
    feed(fresh, second.toArray(String[]::new));
    assertEquals(rendered(fresh), rendered(reused));
    assertTrue(reused.footprintBytes() >= grown);
  }

  @Test
  void readingTheTableBetweenRecordsGivesTheSameTotalsAsReadingItAtTheEnd() throws IOException {
    java.util.Random random = new java.util.Random(11);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      int host = random.nextInt(300);
      lines.add(
          "2 1 eni-a 10.0."
              + host
              + ".1 10.9.9.9 40000 443 6 "
              + (1 + random.nextInt(9))
              + " "
              + (100 + random.nextInt(900))
              + " "
              + (500 + random.nextInt(50))
              + " "
              + (600 + random.nextInt(50))
              + " ACCEPT OK");
    }
    DigestTable atTheEnd = new DigestTable(0, 1_000_000);
    feed(atTheEnd, lines.toArray(String[]::new));
    DigestTable readOften = new DigestTable(0, 1_000_000);
    int previous = 0;
    for (int i = 0; i < lines.size(); i++) {
      feed(readOften, lines.get(i));
      assertFalse(readOften.isEmpty());
      if (random.nextInt(7) == 0) {
        int size = readOften.size();
        assertTrue(
            size >= previous && size <= i + 1, "size " + size + " after " + (i + 1) + " records");
        previous = size;
      }
    }
    assertEquals(rendered(atTheEnd), rendered(readOften));
  }

  @Test
  void whatWouldExceedAllowsStaysWithinTheBudgetOnceTheRecordsAreFoldedIn() throws IOException {
    java.util.Random random = new java.util.Random(5);
    for (long budget : new long[] {20_000, 50_000, 200_000}) {
      DigestTable table = new DigestTable(0, 1_000_000);
      int accepted = 0;
      for (int i = 0; i < 20_000; i++) {
        if (!table.isEmpty() && table.wouldExceed(budget, 200)) {
          break;
        }
        int host = random.nextInt(1 << 20);
        feed(
            table,
            "2 1 eni-a 10."
                + (host >> 12)
                + "."
                + ((host >> 4) & 0xff)
                + "."
                + (host & 0xf)
                + " 10.9.9.9 40000 443 6 1 100 500 600 ACCEPT OK");
        accepted++;
        if (accepted % 45 == 0) {
          assertWithin(budget, table, accepted);
        }
      }
      assertWithin(budget, table, accepted);
      assertTrue(accepted > 10, "budget " + budget + " took " + accepted + " records");
      assertTrue(accepted < 20_000, "budget " + budget + " was reached");
    }
  }

  private static void assertWithin(long budget, DigestTable table, int accepted) {
    long used = table.footprintBytes() + (long) table.size() * DigestTable.SORT_BYTES_PER_KEY;
    assertTrue(
        used <= budget, "budget " + budget + ": " + used + " bytes after " + accepted + " records");
  }

  @Test
  void digitsReadFromTheArenaAreTheSortersDefaultDigits() throws IOException {
    DigestTable table = new DigestTable(0, 1_000_000);
    feed(
        table,
        "2 1 eni-a 10.0.0.1 10.0.0.2 40000 443 6 1 100 500 600 ACCEPT OK",
        "2 123456789012 eni-0123456789abcdef0 10.0.0.1 10.0.0.2 40000 443 6 1 100 500 600 REJECT OK",
        "2 1 eni-\u0436 10.0.0.1 10.0.0.2 40000 443 17 1 100 500 600 ACCEPT OK");
    KeySorter.Keys byBytes =
        new KeySorter.Keys() {
          @Override
          public int length(int key) {
            return table.length(key);
          }

          @Override
          public int byteAt(int key, int index) {
            return table.byteAt(key, index);
          }

          @Override
          public int compare(int a, int b) {
            return table.compare(a, b);
          }
        };
    for (int entry = 0; entry < table.size(); entry++) {
      for (int depth = 0; depth <= table.length(entry) + 4; depth++) {
        assertEquals(
            byBytes.digit(entry, depth),
            table.digit(entry, depth),
            "entry " + entry + " depth " + depth);
      }
    }
  }

  @Test
  void similarKeysGetDistinctHashesAndEqualTextsEqualOnes() {
    java.util.Set<Integer> hashes = new java.util.HashSet<>();
    int keys = 200_000;
    for (int i = 0; i < keys; i++) {
      byte[] text =
          ("2 123456789012 eni-0a1b2c3d 10.0."
                  + (i >> 8)
                  + "."
                  + (i & 255)
                  + " 10.9.9.9 0 443 6 ACCEPT OK")
              .getBytes(StandardCharsets.UTF_8);
      hashes.add(DigestTable.hash(text, 0, text.length));
      assertEquals(
          DigestTable.hash(text, 0, text.length), DigestTable.hash(text.clone(), 0, text.length));
    }
    // A 32-bit hash of 200,000 keys is expected to collide about 5 times.
    assertTrue(hashes.size() >= keys - 50, "distinct hashes: " + hashes.size());
    byte[] shortText = "2 1".getBytes(StandardCharsets.UTF_8);
    assertTrue(
        DigestTable.hash(shortText, 0, 3) != DigestTable.hash(shortText, 0, 2),
        "the length counts");
  }

  @Test
  void entriesAreReadOnly() {
    DigestTable table = new DigestTable(0, 1);
    assertThrows(
        UnsupportedOperationException.class,
        () -> table.entries().put(key("a", "b", 1, 2, 6, "ACCEPT"), new DigestTotals(1, 1, 0, 0)));
  }

  @Test
  void windowMustBeNonEmpty() {
    assertThrows(IllegalArgumentException.class, () -> new DigestTable(100, 100));
    assertThrows(IllegalArgumentException.class, () -> new DigestTable(101, 100));
  }

  @Test
  void totalsArithmetic() {
    DigestTotals t = new DigestTotals(1, 100, 50, DigestTotals.ABSENT);
    t.add(2, 200, 40, DigestTotals.ABSENT);
    assertEquals(new DigestTotals(3, 300, 40, DigestTotals.ABSENT), t);
    assertEquals("3 300 40 -", t.toString());
    t.add(Long.MAX_VALUE / 2, 5_000_000_000L, 60, 70);
    assertEquals(3 + Long.MAX_VALUE / 2, t.packets());
    assertEquals(5_000_000_300L, t.bytes());
    assertEquals(40, t.minStart());
    assertEquals(70, t.maxEnd());
    t.add(1, 1, 1, 1);
    assertEquals(1, t.minStart());
  }
}
