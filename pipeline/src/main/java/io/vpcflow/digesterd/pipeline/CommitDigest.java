package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.pipeline.coders.MergedPartCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;

/** Gathers the merged parts in one place and writes the digest and its summary. */
final class CommitDigest extends PTransform<PCollection<MergedPart>, PCollection<String>> {
  private static final long serialVersionUID = 1L;
  private final CommitDigestFn commit;

  CommitDigest(CommitDigestFn commit) {
    this.commit = commit;
  }

  @Override
  public PCollection<String> expand(PCollection<MergedPart> parts) {
    return parts
        .apply("KeyAll", WithKeys.of(0))
        .setCoder(KvCoder.of(VarIntCoder.of(), MergedPartCoder.of()))
        .apply("GatherParts", GroupByKey.create())
        .apply("WriteObjects", ParDo.of(commit).withSideInputs(commit.planView()));
  }
}
