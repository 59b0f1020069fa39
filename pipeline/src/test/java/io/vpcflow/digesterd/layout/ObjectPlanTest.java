package io.vpcflow.digesterd.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectPlanTest {
  private static PlannedObject object(String key, long size) {
    return new PlannedObject("file:///logs/" + key, key, size, Instant.EPOCH);
  }

  @Test
  void includesTellsWhetherAnObjectToReadIsInTheFormat() {
    ObjectPlan text =
        new ObjectPlan(List.of(object("a_vpcflowlogs_x.log.gz", 10)), List.of(), 1, 1);
    ObjectPlan mixed =
        new ObjectPlan(
            List.of(object("a_vpcflowlogs_x.log.gz", 10), object("b_vpcflowlogs_y.log.parquet", 5)),
            List.of(),
            2,
            1);

    assertFalse(text.includes(ObjectFormat.PARQUET));
    assertTrue(text.includes(ObjectFormat.TEXT));
    assertTrue(mixed.includes(ObjectFormat.PARQUET));
    assertFalse(new ObjectPlan(List.of(), List.of(), 0, 1).includes(ObjectFormat.TEXT));
    assertEquals(15, mixed.totalBytes());
  }
}
