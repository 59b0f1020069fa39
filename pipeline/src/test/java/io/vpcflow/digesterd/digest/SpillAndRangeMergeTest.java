package io.vpcflow.digesterd.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Spilling with tiny budgets, cutting ranges and merging each range on its own give exactly the
 * lines of one in-memory table merged at once, whatever the budget, shards and ranges.
 */
class SpillAndRangeMergeTest {
  private final Map<String, byte[]> files = new HashMap<>();

  private RunDescriptor writeRun(DigestTable table) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RunFile.Written written = RunFile.write(table, out, 16);
    String name = "run-" + files.size();
    files.put(name, out.toByteArray());
    return new RunDescriptor(name, written.bytes(), written.keys(), written.samples());
  }

  /** Folds {@code lines} in {@code shards} shards within {@code budget} bytes each. */
  private List<RunDescriptor> fold(List<String> lines, int shards, long budget) throws IOException {
    List<RunDescriptor> runs = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      SpillingFold fold = new SpillingFold(0, 10_000, budget, this::writeRun);
      List<String> mine = new ArrayList<>();
      for (int i = s; i < lines.size(); i += shards) {
        mine.add(lines.get(i));
      }
      DigestFixtures.read(mine, fold);
      runs.addAll(fold.finish());
    }
    return runs;
  }

  /** The digest text of the runs merged range by range, each range on its own, then joined. */
  private String mergeByRanges(List<RunDescriptor> runs, List<byte[]> boundaries)
      throws IOException {
    StringBuilder joined = new StringBuilder();
    for (int range = 0; range <= boundaries.size(); range++) {
      List<SortedRun.Reader> readers = new ArrayList<>();
      for (RunDescriptor run : runs) {
        readers.add(
            RunFile.openSlice(
                    new BytesRunSource(files.get(run.location())),
                    KeyRanges.low(boundaries, range),
                    KeyRanges.high(boundaries, range))
                .reader());
      }
      ByteArrayOutputStream part = new ByteArrayOutputStream();
      RunMerger.mergeReaders(readers, part);
      joined.append(part.toString(StandardCharsets.UTF_8));
    }
    return joined.toString();
  }

  private static String wholeDigest(List<String> lines) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RunMerger.merge(List.of(SortedRun.of(DigestFixtures.table(lines))), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void tinyBudgetsManyRangesGiveTheSameDigest() throws IOException {
    List<String> lines = DigestFixtures.lines(11, 3000);
    String expected = wholeDigest(lines);
    for (long budget : new long[] {1, 20_000, 60_000, 1 << 30}) {
      for (int shards : new int[] {1, 3}) {
        files.clear();
        List<RunDescriptor> runs = fold(lines, shards, budget);
        for (int ranges : budget == 1 ? new int[] {1, 3} : new int[] {1, 2, 7, 50, 400}) {
          List<byte[]> boundaries = KeyRanges.boundaries(runs, ranges);
          assertEquals(
              expected,
              mergeByRanges(runs, boundaries),
              "budget " + budget + ", shards " + shards + ", ranges " + ranges);
        }
      }
    }
  }

  @Test
  void aTinyBudgetSpillsOftenAndEachRunHoldsAKeyOnce() throws IOException {
    List<String> lines = DigestFixtures.lines(12, 2000);
    SpillingFold fold = new SpillingFold(0, 10_000, 20_000, this::writeRun);
    DigestFixtures.read(lines, fold);
    List<RunDescriptor> runs = fold.finish();
    assertTrue(fold.spills() >= 5, "spills: " + fold.spills());
    assertEquals(fold.spills() + 1, runs.size());
    long keys = 0;
    for (RunDescriptor run : runs) {
      assertTrue(run.keys() > 0);
      keys += run.keys();
    }
    assertTrue(keys >= DigestFixtures.table(lines).size());
  }

  @Test
  void aBudgetSmallerThanOneKeyStillTakesOneKeyPerTable() throws IOException {
    List<String> lines = DigestFixtures.lines(13, 30);
    SpillingFold fold = new SpillingFold(0, 10_000, 1, this::writeRun);
    DigestFixtures.read(lines, fold);
    List<RunDescriptor> runs = fold.finish();
    assertEquals(lines.size(), runs.size());
    assertEquals(wholeDigest(lines), mergeByRanges(runs, List.of()));
  }

  @Test
  void aFoldOfNothingWritesNoRun() throws IOException {
    SpillingFold fold = new SpillingFold(0, 10_000, 1000, this::writeRun);
    assertEquals(List.of(), fold.finish());
    assertEquals("", mergeByRanges(List.of(), KeyRanges.boundaries(List.of(), 4)));
  }

  @Test
  void keysOfOneGroupInSeveralRunsAtABoundaryStayInOneRange() throws IOException {
    String group = "2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 ";
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      lines.add(
          "2 1 eni-a 10.0.0."
              + (i % 3)
              + " 10.0.0.2 50000 443 6 "
              + (i + 1)
              + " 100 100 160 "
              + (i % 2 == 0 ? "ACCEPT" : "REJECT")
              + " "
              + (i % 4 < 2 ? "OK" : "NODATA"));
    }
    List<RunDescriptor> runs = fold(lines, 4, 1);
    List<byte[]> boundaries = KeyRanges.boundaries(runs, 8);
    assertTrue(
        boundaries.stream().anyMatch(b -> new String(b, StandardCharsets.UTF_8).equals(group)),
        "a boundary falls at the group of 10.0.0.1");
    assertEquals(wholeDigest(lines), mergeByRanges(runs, boundaries));
  }

  @Test
  void boundariesAreGroupStarts() {
    assertArrayEquals(
        "2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 ".getBytes(StandardCharsets.UTF_8),
        KeyRanges.groupStart(
            "2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 ACCEPT OK".getBytes(StandardCharsets.UTF_8)));
  }
}
