package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.DigestKey;
import io.vpcflow.digesterd.digest.DigestTotals;
import io.vpcflow.digesterd.report.ReadReport;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Writes the digest object and its summary from the combined totals, once the merged report (the
 * input, a single element) is known. Outputs the digest's URI.
 */
final class WriteDigest extends PTransform<PCollection<ReadReport>, PCollection<String>> {
  private static final long serialVersionUID = 1L;
  private final transient PCollection<KV<DigestKey, DigestTotals>> totals;
  private final RunDescription run;

  WriteDigest(PCollection<KV<DigestKey, DigestTotals>> totals, RunDescription run) {
    this.totals = totals;
    this.run = run;
  }

  @Override
  public PCollection<String> expand(PCollection<ReadReport> report) {
    PCollectionView<Iterable<KV<DigestKey, DigestTotals>>> view =
        totals.apply("AllTotals", View.asIterable());
    return report.apply("WriteObjects", ParDo.of(new WriteDigestFn(view, run)).withSideInputs(view));
  }
}
