package io.vpcflow.digesterd.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.flowlog.FlowLogReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SortedRunTest {
  @Test
  void roundTripsEntriesInKeyOrderWithFrontCodedKeys() throws IOException {
    DigestTable table = new DigestTable(0, 10_000);
    String text =
        "2 1 eni-b 10.0.0.1 10.0.0.2 50000 443 6 10 1000 100 160 ACCEPT OK\n"
            + "2 1 eni-a 10.0.0.1 10.0.0.2 50000 443 6 3 30 90 - ACCEPT OK\n"
            + "2 1 eni-a 10.0.0.1 10.0.0.22 50000 443 6 1 1 5 7 REJECT OK\n";
    new FlowLogReader()
        .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), table);
    SortedRun.Reader reader = SortedRun.read(SortedRun.of(table));
    assertTrue(reader.next());
    assertEquals("2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 ACCEPT OK", reader.key().toString());
    assertEquals(new DigestTotals(3, 30, 90, DigestTotals.ABSENT), reader.totals());
    assertTrue(reader.next());
    assertEquals("2 1 eni-a 10.0.0.1 10.0.0.22 0 443 6 REJECT OK", reader.key().toString());
    assertEquals(new DigestTotals(1, 1, 5, 7), reader.totals());
    assertTrue(reader.next());
    assertEquals("2 1 eni-b 10.0.0.1 10.0.0.2 0 443 6 ACCEPT OK", reader.key().toString());
    assertFalse(reader.next());
  }

  @Test
  void aTruncatedRunIsAnErrorNotAShorterRun() throws IOException {
    DigestTable table = new DigestTable(0, 10_000);
    String line = "2 1 eni-a 10.0.0.1 10.0.0.2 50000 443 6 123456 123456789 100 160 ACCEPT OK";
    new FlowLogReader()
        .read(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), table);
    byte[] run = SortedRun.of(table);
    byte[] cut = Arrays.copyOf(run, run.length - 3);
    SortedRun.Reader reader = SortedRun.read(cut);
    assertThrows(IOException.class, reader::next);
  }

  @Test
  void aRunReadFromAStreamInSmallPiecesGivesTheSameEntriesAsInMemory() throws IOException {
    DigestTable table = new DigestTable(0, 10_000);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      text.append("2 1 eni-")
          .append(i)
          .append(" 10.0.0.1 10.0.0.2 50000 443 6 ")
          .append(i + 1)
          .append(' ')
          .append(1_000_000L * i)
          .append(" 100 160 ACCEPT OK\n");
    }
    new FlowLogReader()
        .read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), table);
    byte[] run = SortedRun.of(table);
    assertTrue(run.length > 3 * 8192, "longer than several read-ahead blocks: " + run.length);
    SortedRun.Reader whole = SortedRun.read(run);
    SortedRun.Reader pieces = SortedRun.read(new TrickleInputStream(run), null, null);
    int entries = 0;
    while (whole.next()) {
      assertTrue(pieces.next());
      assertEquals(whole.key(), pieces.key());
      assertEquals(whole.totals(), pieces.totals());
      entries++;
    }
    assertFalse(pieces.next());
    assertEquals(3000, entries);
  }

  /** Hands out at most 7 bytes per read, as a network stream may. */
  private static final class TrickleInputStream extends java.io.InputStream {
    private final byte[] bytes;
    private int position;

    TrickleInputStream(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return position < bytes.length ? bytes[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      if (position == bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(length, 7), bytes.length - position);
      System.arraycopy(bytes, position, into, offset, n);
      position += n;
      return n;
    }
  }
}
