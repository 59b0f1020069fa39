package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.layout.ObjectFormat;
import io.vpcflow.digesterd.layout.ObjectListing;
import io.vpcflow.digesterd.layout.ObjectPlan;
import io.vpcflow.digesterd.layout.ObjectShards;
import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.layout.WindowObjectFinder;
import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.parquet.ParquetWarmUp;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.s3.BucketPurpose;
import io.vpcflow.digesterd.s3.S3ClientFactory;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.values.PCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digest pipeline of one window: {@code main → run(options) → build(pipeline, options, plan)}.
 * {@link #plan} lists the objects of the window before the pipeline is built, so the run's size is
 * known up front (for progress, and for choosing a runner).
 */
public final class DigestPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(DigestPipeline.class);

  private DigestPipeline() {}

  /** Runs one digest with options from the command line ({@code --start=... --stop=...}). */
  public static void main(String[] args) throws IOException {
    DigestOptions options = OptionArgs.parseValid(DigestOptions.class, args);
    DigestSummary summary = run(options);
    System.out.println(DigestSummaryJson.write(summary));
  }

  /**
   * Lists, builds and runs the digest of the options' window, waits for it, and returns the summary
   * it stored.
   *
   * @throws IOException when the objects cannot be listed or the summary cannot be read
   * @throws org.apache.beam.sdk.Pipeline.PipelineExecutionException when the pipeline fails
   */
  public static DigestSummary run(DigestOptions options) throws IOException {
    return run(options, plan(options));
  }

  /**
   * Like {@link #run(DigestOptions)}, for objects already listed by {@link #plan}. When the calling
   * thread is interrupted while the pipeline runs, the run is cancelled ({@link
   * PipelineResult#cancel()}, and {@link RunCancellation} for its workers in this JVM): it stores
   * no digest from then on, and this method throws {@link RunCancelledException} with the thread's
   * interrupt flag kept set. When the window holds Parquet objects, the Parquet reader is readied
   * meanwhile ({@link ParquetWarmUp}).
   *
   * <p>However the run ends, its temporary objects (spilled runs, merged parts) are deleted; a run
   * that fails is first cancelled for its workers in this JVM, so that none still busy writes
   * another one afterwards.
   *
   * @throws RunCancelledException when the run was cancelled
   */
  public static DigestSummary run(DigestOptions options, ObjectPlan plan) throws IOException {
    S3ClientFactory.useInBeam(options);
    if (plan.includes(ObjectFormat.PARQUET)) {
      ParquetWarmUp.start();
    }
    options.as(DirectOptions.class).setBlockOnRun(false);
    String runToken = UUID.randomUUID().toString();
    SpillFiles spill = SpillFiles.of(options, runToken);
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options, plan, runToken, spill);
    DoFnWarmUp.start(pipeline);
    RunCancellation cancellation = RunCancellation.register(runToken);
    try (RemoteProgress progress =
        RemoteProgress.follow(
            StoreUris.resourceName(options, options.getProgressLocation()),
            options.getProgressKey(),
            Duration.ofSeconds(1))) {
      PipelineResult.State state;
      try {
        state = runToEnd(pipeline, cancellation);
      } catch (IOException | RuntimeException e) {
        cancellation.cancel();
        throw e;
      }
      if (state != PipelineResult.State.DONE) {
        cancellation.cancel();
        throw new IOException("digest pipeline ended in state " + state);
      }
    } finally {
      RunCancellation.unregister(runToken);
      deleteTemporaryObjects(spill);
    }
    return readSummary(options);
  }

  /** Deletes what the run left in its temporary directory; a failure to do so is logged. */
  private static void deleteTemporaryObjects(SpillFiles spill) {
    try {
      spill.deleteAll();
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "cannot delete the run's temporary objects under {}: {}",
          spill.display(),
          BucketPurpose.display(e.getMessage()));
    }
  }

  private static PipelineResult.State runToEnd(Pipeline pipeline, RunCancellation cancellation)
      throws IOException {
    PipelineResult result = null;
    try {
      result = pipeline.run();
      return result.waitUntilFinish();
    } catch (RuntimeException e) {
      if (!Thread.currentThread().isInterrupted()) {
        throw e;
      }
      cancellation.cancel();
      RunCancelledException cancelled =
          new RunCancelledException(
              "the digest pipeline was cancelled: its thread was interrupted");
      cancelled.addSuppressed(e);
      if (result != null) {
        try {
          result.cancel();
        } catch (IOException | UnsupportedOperationException failed) {
          cancelled.addSuppressed(failed);
        }
      }
      throw cancelled;
    }
  }

  /** Lists the objects the options' window needs to read. */
  public static ObjectPlan plan(DigestOptions options) throws IOException {
    return FlowLogStore.withListing(options, (listing, source) -> plan(listing, source, options));
  }

  private static ObjectPlan plan(ObjectListing listing, StoreLocation source, DigestOptions options)
      throws IOException {
    DigestWindow window = window(options);
    return new WindowObjectFinder(
            listing,
            source.keyPrefix(),
            FlowLogStore.scanAccounts(options),
            FlowLogStore.scanRegions(options),
            options.getObjectSlackBefore(),
            options.getObjectSlackAfter())
        .find(window.start(), window.stop());
  }

  /**
   * Adds the digest of the options' window to {@code pipeline}; returns the digest's URI (as users
   * see it).
   */
  public static PCollection<String> build(
      Pipeline pipeline, DigestOptions options, ObjectPlan plan) {
    return build(pipeline, options, plan, UUID.randomUUID().toString());
  }

  private static PCollection<String> build(
      Pipeline pipeline, DigestOptions options, ObjectPlan plan, String runToken) {
    return build(pipeline, options, plan, runToken, SpillFiles.of(options, runToken));
  }

  private static PCollection<String> build(
      Pipeline pipeline,
      DigestOptions options,
      ObjectPlan plan,
      String runToken,
      SpillFiles spill) {
    DigestWindow window = window(options);
    int shards = options.getShards() > 0 ? options.getShards() : ObjectShards.defaultCount();
    ProgressChannel progress =
        ProgressChannel.of(
            options.getProgressKey(),
            StoreUris.resourceName(options, options.getProgressLocation()));
    FoldShardFn fold =
        new FoldShardFn(
            new FoldShardFn.Settings(
                window.startEpochSecond(),
                window.stopEpochSecond(),
                options.getMaxLineBytes(),
                options.getReadBufferBytes(),
                options.getOnCorruptObject(),
                options.getFoldMemoryMb(),
                shards,
                progress,
                runToken),
            spill);
    RunDescription run =
        new RunDescription(
            window.digestId().toString(),
            window.start(),
            window.stop(),
            StoreLocation.parse(options.getStorageBucket()).toString(),
            options.getRunner().getSimpleName(),
            options.getRunnerReason(),
            Instant.now(),
            plan.listedObjects(),
            plan.skipped(),
            runToken);
    List<List<PlannedObject>> dealt = ObjectShards.deal(plan.objects(), shards);
    return pipeline.apply(
        "DigestFlowLogs",
        new DigestFlowLogs(
            dealt.isEmpty() ? List.of(List.of()) : dealt,
            fold,
            new PlanMergeFn(options.getMergeRanges(), options.getFoldMemoryMb(), shards, progress),
            new DigestFlowLogs.MergeSettings(run, spill, progress)));
  }

  /** The window of the options. */
  public static DigestWindow window(DigestOptions options) {
    return DigestWindow.parse(options.getStart(), options.getStop());
  }

  /** Reads the summary stored beside the options' digest. */
  public static DigestSummary readSummary(DigestOptions options) throws IOException {
    String id = window(options).digestId().toString();
    StoreLocation storage = StoreLocation.parse(options.getStorageBucket());
    try (SmallObjects summaries = DigestObjects.summaries(storage, options)) {
      return DigestObjects.readSummary(summaries, storage, id)
          .orElseThrow(() -> new IOException("the digest " + id + " has no summary"));
    }
  }
}
