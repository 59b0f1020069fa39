package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.ReadReport;
import io.vpcflow.digesterd.report.SkippedObject;
import io.vpcflow.digesterd.source.StoreLocation;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Writes the digest of a window from the sorted runs of every shard: merged in one streaming pass
 * and gzip'd (in 1 MiB members, on all processors) to {@code <id>.log.gz}, then the summary to
 * {@code <id>.json}. Each object is written under a temporary name and renamed, so no reader ever
 * sees a partial digest, and the digest is complete before its summary appears. The summary is
 * stored through {@link RunCancellation#commit}: a cancelled run stores none (and removes its
 * lines), so it never completes a digest. Outputs the digest's URI as users see it ({@code s3://}
 * or a local path).
 */
final class WriteDigestFn extends DoFn<KV<Integer, Iterable<ShardRun>>, String> {
  private static final long serialVersionUID = 1L;

  private final RunDescription run;

  WriteDigestFn(RunDescription run) {
    this.run = run;
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<ShardRun>> all, OutputReceiver<String> out)
      throws IOException {
    RunCancellation.check(run.runToken());
    List<byte[]> runs = new ArrayList<>();
    ReadReport report = new ReadReport();
    for (ShardRun shard : all.getValue()) {
      runs.add(shard.run());
      report.merge(shard.report());
    }

    StoreLocation storage = StoreLocation.parse(run.storage());
    DigestObjects.Written written = DigestObjects.writeDigest(storage, run.digestId(), runs);
    String digestUri = written.uri();

    run.plannedSkips().forEach(report::addSkipped);
    Instant finished = Instant.now();
    List<SkippedObject> skipped = report.skippedObjects();
    DigestSummary summary =
        new DigestSummary(
            run.digestId(),
            run.start(),
            run.stop(),
            DigestSummary.DONE,
            run.runner(),
            run.runnerReason(),
            digestUri,
            run.startedAt().toString(),
            finished.toString(),
            Duration.between(run.startedAt(), finished).toMillis(),
            DigestSummary.objectsOf(report, run.listedObjects()),
            DigestSummary.Records.of(report),
            written.lines(),
            written.bytes(),
            skipped.subList(0, Math.min(skipped.size(), DigestSummary.MAX_LISTED)),
            skipped.size() > DigestSummary.MAX_LISTED,
            null);
    try {
      RunCancellation.commit(run.runToken(), () -> DigestObjects.writeSummary(storage, summary));
    } catch (RunCancelledException e) {
      FileSystems.delete(
          List.of(FileSystems.matchNewResource(written.resourceName(), false)),
          MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      throw e;
    }
    out.output(digestUri);
  }
}
