package io.vpcflow.digesterd.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunFileTest {
  private static List<String> entries(SortedRun.Reader reader) throws IOException {
    List<String> out = new ArrayList<>();
    while (reader.next()) {
      out.add(reader.key() + " = " + reader.totals());
    }
    return out;
  }

  @Test
  void aSliceHoldsExactlyTheEntriesOfItsRangeAndStartsAtAnIndexPoint() throws IOException {
    DigestTable table = DigestFixtures.table(DigestFixtures.lines(5, 2000));
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    RunFile.Written written = RunFile.write(table, file, 7);
    assertEquals(file.size(), written.bytes());
    assertEquals(table.size(), written.keys());
    List<String> all = entries(SortedRun.read(SortedRun.of(table)));
    assertEquals(
        all,
        entries(RunFile.openSlice(new BytesRunSource(file.toByteArray()), null, null).reader()));

    List<DigestKey> keys = new ArrayList<>();
    SortedRun.Reader reader = SortedRun.read(SortedRun.of(table));
    while (reader.next()) {
      keys.add(reader.key());
    }
    int[][] bounds = {{0, 1}, {3, 400}, {400, 401}, {keys.size() - 1, -1}, {-1, 10}, {250, 250}};
    for (int[] b : bounds) {
      byte[] low = b[0] < 0 ? null : keys.get(b[0]).text();
      byte[] high = b[1] < 0 ? null : keys.get(b[1]).text();
      BytesRunSource source = new BytesRunSource(file.toByteArray());
      List<String> expected =
          all.subList(
              b[0] < 0 ? 0 : b[0], b[1] < 0 ? all.size() : Math.max(b[1], b[0] < 0 ? 0 : b[0]));
      assertEquals(
          expected, entries(RunFile.openSlice(source, low, high).reader()), Arrays.toString(b));
      if (b[0] > 7) {
        assertTrue(
            source.streamedFrom > 0, "a slice past the first index point skips the run's start");
      }
    }
  }

  @Test
  void samplesAreAscendingAndAtMostTheLimit() throws IOException {
    DigestTable table = DigestFixtures.table(DigestFixtures.lines(6, 5000));
    RunFile.Written written = RunFile.write(table, new ByteArrayOutputStream());
    assertTrue(written.samples().size() <= RunFile.MAX_SAMPLES);
    assertTrue(written.samples().size() >= RunFile.MAX_SAMPLES / 2);
    for (int i = 1; i < written.samples().size(); i++) {
      assertTrue(written.samples().get(i - 1).compareTo(written.samples().get(i)) < 0);
    }
  }

  @Test
  void anEmptyTableGivesAnEmptyButValidRun() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    RunFile.Written written = RunFile.write(new DigestTable(0, 1), file);
    assertEquals(0, written.keys());
    assertEquals(List.of(), written.samples());
    assertEquals(
        List.of(),
        entries(RunFile.openSlice(new BytesRunSource(file.toByteArray()), null, null).reader()));
  }

  @Test
  void somethingElseIsRefusedAsNotARunFile() {
    IOException e =
        assertThrows(
            IOException.class,
            () -> RunFile.openSlice(new BytesRunSource(new byte[40]), null, null));
    assertTrue(e.getMessage().startsWith("not a run file"), e.getMessage());
    assertThrows(
        IOException.class, () -> RunFile.openSlice(new BytesRunSource(new byte[3]), null, null));
  }
}
