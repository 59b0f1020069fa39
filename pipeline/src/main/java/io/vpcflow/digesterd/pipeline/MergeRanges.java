package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.pipeline.coders.MergedPartCoder;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Merges the plan's key ranges, each on whichever worker takes it, into gzip'd parts. The plan
 * itself reaches the workers as a side input.
 */
final class MergeRanges extends PTransform<PCollection<MergePlan>, PCollection<MergedPart>> {
  private static final long serialVersionUID = 1L;
  private final MergeRangeFn merge;

  MergeRanges(MergeRangeFn merge) {
    this.merge = merge;
  }

  @Override
  public PCollection<MergedPart> expand(PCollection<MergePlan> plan) {
    return plan.apply(
            "RangeNumbers",
            FlatMapElements.into(TypeDescriptors.integers()).via(MergeRanges::rangeNumbers))
        .setCoder(VarIntCoder.of())
        .apply("SpreadRanges", Reshuffle.viaRandomKey())
        .apply("MergeRange", ParDo.of(merge).withSideInputs(merge.planView()))
        .setCoder(MergedPartCoder.of());
  }

  private static List<Integer> rangeNumbers(MergePlan plan) {
    List<Integer> numbers = new ArrayList<>(plan.ranges());
    for (int range = 0; range < plan.ranges(); range++) {
      numbers.add(range);
    }
    return numbers;
  }
}
