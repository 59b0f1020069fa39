package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.flowlog.FlowLogReader;
import io.vpcflow.digesterd.flowlog.LineOutcome;
import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
}
