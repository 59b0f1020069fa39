package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.DigestTotals;
import io.vpcflow.digesterd.pipeline.coders.DigestTotalsCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/** Sums partial {@link DigestTotals} of one key; delegates to {@link DigestTotals#merge}. */
final class DigestTotalsCombineFn extends Combine.CombineFn<DigestTotals, DigestTotals, DigestTotals> {
  private static final long serialVersionUID = 1L;

  @Override
  public DigestTotals createAccumulator() {
    return DigestTotals.empty();
  }

  @Override
  public DigestTotals addInput(DigestTotals accumulator, DigestTotals input) {
    accumulator.merge(input);
    return accumulator;
  }

  @Override
  public DigestTotals mergeAccumulators(Iterable<DigestTotals> accumulators) {
    DigestTotals merged = DigestTotals.empty();
    for (DigestTotals accumulator : accumulators) {
      merged.merge(accumulator);
    }
    return merged;
  }

  @Override
  public DigestTotals extractOutput(DigestTotals accumulator) {
    return accumulator;
  }

  @Override
  public Coder<DigestTotals> getAccumulatorCoder(
      CoderRegistry registry, Coder<DigestTotals> inputCoder) {
    return DigestTotalsCoder.of();
  }

  @Override
  public Coder<DigestTotals> getDefaultOutputCoder(
      CoderRegistry registry, Coder<DigestTotals> inputCoder) {
    return DigestTotalsCoder.of();
  }
}
