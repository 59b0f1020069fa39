package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.report.ReadReport;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Writes the digest object and its summary from the sorted lines of every key bucket, once the
 * merged report (the input, a single element) is known. Outputs the digest's URI.
 */
final class WriteDigest extends PTransform<PCollection<ReadReport>, PCollection<String>> {
  private static final long serialVersionUID = 1L;
  private final transient PCollection<List<byte[]>> sortedBuckets;
  private final RunDescription run;

  WriteDigest(PCollection<List<byte[]>> sortedBuckets, RunDescription run) {
    this.sortedBuckets = sortedBuckets;
    this.run = run;
  }

  @Override
  public PCollection<String> expand(PCollection<ReadReport> report) {
    PCollectionView<List<List<byte[]>>> view = sortedBuckets.apply("AllBuckets", View.asList());
    return report.apply("WriteObjects", ParDo.of(new WriteDigestFn(view, run)).withSideInputs(view));
  }
}
