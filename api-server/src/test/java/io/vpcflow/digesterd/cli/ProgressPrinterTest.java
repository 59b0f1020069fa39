package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.pipeline.RunProgress;
import io.vpcflow.digesterd.report.ShardProgress;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  @Test
  void theLineShowsTheMergeOnceItIsPlanned() {
    RunProgress run = RunProgress.register("printer-test", 4, 4096);
    try {
      run.report(new ShardProgress(4, 4096));
      String reading = ProgressPrinter.line(run, System.nanoTime());
      assertTrue(reading.startsWith("progress: 4/4 objects, "), reading);
      assertFalse(reading.contains("ranges"), reading);
      run.report(new ShardProgress(4, 4096, 2, 5));
      String merging = ProgressPrinter.line(run, System.nanoTime());
      assertTrue(merging.endsWith(", merged 2/5 ranges"), merging);
    } finally {
      RunProgress.unregister("printer-test");
    }
  }
}
