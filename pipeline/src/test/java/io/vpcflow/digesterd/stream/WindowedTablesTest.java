package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.digest.SortedRun;
import io.vpcflow.digesterd.flowlog.FlowLogReader;
import io.vpcflow.digesterd.flowlog.LineOutcome;
import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowedTablesTest {
  private static final String LINES =
      "2 1 eni-a 10.0.0.1 10.0.0.2 50000 443 6 1 10 299 300 ACCEPT OK\n"
          + "2 1 eni-a 10.0.0.1 10.0.0.2 50000 443 6 2 20 300 330 ACCEPT OK\n"
          + "2 1 eni-a 10.0.0.1 10.0.0.2 50001 443 6 4 40 599 700 ACCEPT OK\n"
          + "2 1 eni-a 10.0.0.1 10.0.0.2 50001 443 6 8 80 600 610 ACCEPT OK\n"
          + "2 1 eni-a 10.0.0.1 10.0.0.2 50002 443 6 16 160 301 302 ACCEPT OK\n";

  @Test
  void recordsGoToTheWindowOfTheirStartAndBeforeTheFirstWindowAreRefused() throws Exception {
    WindowedTables tables =
        new WindowedTables(new StreamWindows(Duration.ofMinutes(5), Duration.ZERO), 300);
    ObjectParseResult result =
        new FlowLogReader()
            .read(new ByteArrayInputStream(LINES.getBytes(StandardCharsets.US_ASCII)), tables);

    assertEquals(List.of(300L, 600L), List.copyOf(tables.tables().keySet()));
    assertEquals(3, tables.records(300), "back to the first window after the second");
    assertEquals(1, tables.records(600));
    assertEquals(0, tables.records(0));
    assertEquals(1, result.counts().get(LineOutcome.OUTSIDE_WINDOW), "the record at 299");
    assertEquals(4, result.counts().get(LineOutcome.DIGESTED));
    DigestTable first = tables.tables().get(300L);
    assertEquals(1, first.size(), "one conversation: ports 50000/50001 -> 0");
    assertEquals(22, first.entries().values().iterator().next().packets());
  }

  @Test
  void aBatchOfObjectsFoldsIntoOneTablePerWindowAndCountsEachObjectOncePerWindow()
      throws Exception {
    StreamWindows windows = new StreamWindows(Duration.ofMinutes(5), Duration.ofMinutes(1));
    WindowedTables tables = new WindowedTables(windows, 300);
    tables.beginObject(Instant.ofEpochSecond(400));
    read(LINES, tables);
    tables.endObject(100, 1000);
    tables.beginObject(Instant.ofEpochSecond(700));
    read("2 1 eni-a 10.0.0.1 10.0.0.2 50000 443 6 32 320 610 620 ACCEPT OK\n", tables);
    tables.endObject(7, 70);

    assertEquals(List.of(300L, 600L), List.copyOf(tables.tables().keySet()));
    WindowPart first = tables.part(300, "k");
    assertEquals(1, first.objects(), "only the first object gave records to 300");
    assertEquals(3, first.records());
    assertEquals(100, first.objectBytes());
    assertEquals(1000, first.textBytes());
    WindowPart second = tables.part(600, "k");
    assertEquals(2, second.objects());
    assertEquals(2, second.records());
    assertEquals(107, second.objectBytes());
    assertEquals(1070, second.textBytes());
    assertEquals("k", second.objectKey());
    assertEquals(List.of(40L), packetsByKey(second.run()), "one conversation over both objects");
    assertEquals(Map.of(), tables.lateRecords());
    assertThrows(IllegalArgumentException.class, () -> tables.part(900, "k"));
  }

  @Test
  void recordsOfAWindowClosedAtTheirObjectsEventTimeAreOnlyCounted() throws Exception {
    StreamWindows windows = new StreamWindows(Duration.ofMinutes(5), Duration.ofMinutes(1));
    WindowedTables tables = new WindowedTables(windows, 300);
    tables.beginObject(Instant.ofEpochSecond(660));
    read(LINES, tables);
    tables.endObject(100, 1000);

    assertEquals(Map.of(300L, 3L), tables.lateRecords(), "300 closes at 660 (end + lateness)");
    assertEquals(List.of(600L), List.copyOf(tables.tables().keySet()));
    assertEquals(1, tables.part(600, "k").objects());

    tables.beginObject(Instant.ofEpochSecond(659));
    read(LINES, tables);
    tables.endObject(100, 1000);
    assertEquals(Map.of(), tables.lateRecords(), "counted per object: the next starts afresh");
    assertEquals(List.of(300L, 600L), List.copyOf(tables.tables().keySet()));
    assertEquals(1, tables.part(300, "k").objects());
    assertEquals(2, tables.part(600, "k").objects());
  }

  private static void read(String lines, WindowedTables tables) throws Exception {
    new FlowLogReader()
        .read(new ByteArrayInputStream(lines.getBytes(StandardCharsets.US_ASCII)), tables);
  }

  private static List<Long> packetsByKey(byte[] run) throws Exception {
    List<Long> packets = new ArrayList<>();
    SortedRun.Reader reader = SortedRun.read(run);
    while (reader.next()) {
      packets.add(reader.totals().packets());
    }
    return packets;
  }
}
