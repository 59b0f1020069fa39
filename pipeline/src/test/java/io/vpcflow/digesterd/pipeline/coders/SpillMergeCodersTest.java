package io.vpcflow.digesterd.pipeline.coders;

import io.vpcflow.digesterd.digest.DigestKey;
import io.vpcflow.digesterd.digest.RunDescriptor;
import io.vpcflow.digesterd.flowlog.LineCounts;
import io.vpcflow.digesterd.flowlog.LineOutcome;
import io.vpcflow.digesterd.pipeline.MergePlan;
import io.vpcflow.digesterd.pipeline.MergedPart;
import io.vpcflow.digesterd.pipeline.ShardResult;
import io.vpcflow.digesterd.report.ReadReport;
import io.vpcflow.digesterd.report.SkippedObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.jupiter.api.Test;

/** Round trips of the coders of the spill and merge elements, and their determinism. */
class SpillMergeCodersTest {
  private static DigestKey key(String text) {
    return DigestKey.ofText(text.getBytes(StandardCharsets.UTF_8));
  }

  private static final RunDescriptor RUN =
      new RunDescriptor(
          "s3+storage://digests/.digesterd-tmp/run-1/a.run",
          123_456,
          789,
          List.of(
              key("2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 ACCEPT OK"),
              key("2 1 eni-b - - - - - - NODATA")));
  private static final RunDescriptor EMPTY_RUN = new RunDescriptor("/tmp/x.run", 0, 0, List.of());

  private static ReadReport report() {
    ReadReport report = new ReadReport();
    LineCounts lines = new LineCounts();
    lines.add(LineOutcome.DIGESTED, 42);
    lines.add(LineOutcome.NODATA, 3);
    report.addObject(1000, 5000, lines);
    report.addSkipped(new SkippedObject("k.log.gz", SkippedObject.CORRUPT, "not gzip"));
    return report;
  }

  @Test
  void runDescriptors() throws Exception {
    for (RunDescriptor run : List.of(RUN, EMPTY_RUN)) {
      CoderProperties.coderDecodeEncodeEqual(RunDescriptorCoder.of(), run);
      CoderProperties.coderDeterministic(RunDescriptorCoder.of(), run, run);
    }
  }

  @Test
  void shardResults() throws Exception {
    ShardResult result = new ShardResult(List.of(RUN, EMPTY_RUN), 1, report());
    CoderProperties.coderDecodeEncodeEqual(ShardResultCoder.of(), result);
    CoderProperties.coderDecodeEncodeEqual(
        ShardResultCoder.of(), new ShardResult(List.of(), 0, new ReadReport()));
    CoderProperties.coderDeterministic(ShardResultCoder.of(), result, result);
  }

  @Test
  void mergePlans() throws Exception {
    MergePlan plan =
        new MergePlan(
            List.of(RUN.withoutSamples()),
            List.of(
                "2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 ".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, 32}),
            4,
            report(),
            1_764_000_000_000L);
    CoderProperties.coderDecodeEncodeEqual(MergePlanCoder.of(), plan);
    CoderProperties.coderDecodeEncodeEqual(
        MergePlanCoder.of(), new MergePlan(List.of(), List.of(), 0, new ReadReport(), 0));
    CoderProperties.coderDeterministic(MergePlanCoder.of(), plan, plan);
  }

  @Test
  void mergedParts() throws Exception {
    MergedPart part = new MergedPart(7, "/tmp/run-1/part-00007.gz", 5_242_881, 100_000);
    CoderProperties.coderDecodeEncodeEqual(MergedPartCoder.of(), part);
    CoderProperties.coderDeterministic(MergedPartCoder.of(), part, part);
  }

  @Test
  void everyCoderSurvivesSerialisationAsAnEqualCopy() throws Exception {
    CoderProperties.coderSerializable(RunDescriptorCoder.of());
    CoderProperties.coderSerializable(ShardResultCoder.of());
    CoderProperties.coderSerializable(MergePlanCoder.of());
    CoderProperties.coderSerializable(MergedPartCoder.of());
  }
}
