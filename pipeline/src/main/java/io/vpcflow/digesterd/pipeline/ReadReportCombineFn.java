package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.pipeline.coders.ReadReportCoder;
import io.vpcflow.digesterd.report.ReadReport;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/** Adds up the reports of all shards; delegates to {@link ReadReport#merge}. */
final class ReadReportCombineFn extends Combine.CombineFn<ReadReport, ReadReport, ReadReport> {
  private static final long serialVersionUID = 1L;

  @Override
  public ReadReport createAccumulator() {
    return new ReadReport();
  }

  @Override
  public ReadReport addInput(ReadReport accumulator, ReadReport input) {
    accumulator.merge(input);
    return accumulator;
  }

  @Override
  public ReadReport mergeAccumulators(Iterable<ReadReport> accumulators) {
    ReadReport merged = new ReadReport();
    for (ReadReport accumulator : accumulators) {
      merged.merge(accumulator);
    }
    return merged;
  }

  @Override
  public ReadReport extractOutput(ReadReport accumulator) {
    return accumulator;
  }

  @Override
  public Coder<ReadReport> getAccumulatorCoder(CoderRegistry registry, Coder<ReadReport> input) {
    return ReadReportCoder.of();
  }

  @Override
  public Coder<ReadReport> getDefaultOutputCoder(CoderRegistry registry, Coder<ReadReport> input) {
    return ReadReportCoder.of();
  }
}
