package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.ReadReport;
import io.vpcflow.digesterd.report.SkippedObject;
import io.vpcflow.digesterd.s3.BucketPurpose;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Writes the digest of a window from its merged parts: joined in range order into {@code
 * <id>.log.gz} ({@link DigestParts}, never visible half-written), then the summary {@code
 * <id>.json} with what was read, skipped, spilled and merged, then the run's temporary objects are
 * deleted. The summary is stored through {@link RunCancellation#commit}: a cancelled run stores
 * none (and removes its digest), so it never completes one. Outputs the digest's URI as users see
 * it ({@code s3://} or a local path).
 */
final class CommitDigestFn extends DoFn<KV<Integer, Iterable<MergedPart>>, String> {
  private static final long serialVersionUID = 1L;

  private final RunDescription run;
  private final PCollectionView<MergePlan> planView;
  private final SpillFiles spill;

  CommitDigestFn(RunDescription run, PCollectionView<MergePlan> planView, SpillFiles spill) {
    this.run = run;
    this.planView = planView;
    this.spill = spill;
  }

  /** The side input this function reads the plan from. */
  PCollectionView<MergePlan> planView() {
    return planView;
  }

  @ProcessElement
  public void process(ProcessContext context) throws IOException {
    RunCancellation.check(run.runToken());
    MergePlan plan = context.sideInput(planView);
    List<MergedPart> parts = new ArrayList<>();
    context.element().getValue().forEach(parts::add);
    parts.sort(Comparator.comparingInt(MergedPart::range));
    if (parts.size() != plan.ranges()) {
      throw new IOException(
          "the merge planned " + plan.ranges() + " ranges but " + parts.size() + " were merged");
    }
    StoreLocation storage = StoreLocation.parse(run.storage());
    String digestUri = storage.resolve(run.digestId() + ".log.gz");
    String resourceName = BucketPurpose.STORAGE.resourceName(digestUri);
    long bytes =
        DigestParts.join(
            parts, resourceName, spill, context.getPipelineOptions().as(S3Options.class));
    long lines = parts.stream().mapToLong(MergedPart::lines).sum();

    ReadReport report = new ReadReport();
    report.merge(plan.report());
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
            run.startedAt(),
            finished,
            Duration.between(run.startedAt(), finished).toMillis(),
            DigestSummary.objectsOf(report, run.listedObjects()),
            DigestSummary.Records.of(report),
            lines,
            bytes,
            skipped.subList(0, Math.min(skipped.size(), DigestSummary.MAX_LISTED)),
            skipped.size() > DigestSummary.MAX_LISTED,
            null,
            plan.figures(finished.toEpochMilli()));
    try {
      RunCancellation.commit(
          run.runToken(),
          () -> {
            try (SmallObjects summaries =
                DigestObjects.summaries(storage, context.getPipelineOptions())) {
              DigestObjects.writeSummary(summaries, storage, summary);
            }
          });
    } catch (RunCancelledException e) {
      FileSystems.delete(
          List.of(FileSystems.matchNewResource(resourceName, false)),
          MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      throw e;
    }
    spill.deleteAll();
    context.output(digestUri);
  }
}
