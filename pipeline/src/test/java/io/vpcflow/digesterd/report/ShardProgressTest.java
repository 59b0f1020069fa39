package io.vpcflow.digesterd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShardProgressTest {
  @Test
  void roundTripsThroughItsText() {
    ShardProgress progress = ShardProgress.NONE.plusObject(100).plusObject(23);
    assertEquals("2 123 0 0", progress.text());
    assertEquals(progress, ShardProgress.parse("2 123 0 0\n"));
    ShardProgress merge = new ShardProgress(0, 0, 3, 7);
    assertEquals(merge, ShardProgress.parse(merge.text()));
  }

  @Test
  void readsTheTwoCountsOfEarlierVersions() {
    assertEquals(new ShardProgress(2, 123), ShardProgress.parse("2 123\n"));
  }

  @Test
  void rejectsTextThatIsNotTwoOrFourCounts() {
    for (String bad :
        new String[] {"", "1", "1 2 3", "1 2 3 4 5", "a 2", "1 -2", "1  2", "1 2 -3 4"}) {
      assertThrows(IllegalArgumentException.class, () -> ShardProgress.parse(bad), bad);
    }
  }

  @Test
  void sumsShards() {
    assertEquals(
        new ShardProgress(5, 600),
        ShardProgress.sum(
            List.of(new ShardProgress(2, 100), new ShardProgress(3, 500), ShardProgress.NONE)));
    assertEquals(
        new ShardProgress(5, 600, 2, 4),
        ShardProgress.sum(
            List.of(
                new ShardProgress(5, 600),
                new ShardProgress(0, 0, 0, 4),
                new ShardProgress(0, 0, 1, 0),
                new ShardProgress(0, 0, 1, 0))));
    assertEquals(ShardProgress.NONE, ShardProgress.sum(List.of()));
  }
}
