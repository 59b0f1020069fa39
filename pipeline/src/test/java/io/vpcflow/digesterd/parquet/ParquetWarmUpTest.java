package io.vpcflow.digesterd.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.flowlog.LineOutcome;
import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParquetWarmUpTest {
  @Test
  void theWarmUpFileReadsAsThreeRecordsAndANodataRow() throws Exception {
    ObjectParseResult result = ParquetWarmUp.readSample();

    assertEquals(
        Map.of(LineOutcome.DIGESTED, 3L, LineOutcome.NODATA, 1L), result.counts().nonZero());
    assertTrue(result.formatProblems().isEmpty(), result.formatProblems().toString());
  }
}
