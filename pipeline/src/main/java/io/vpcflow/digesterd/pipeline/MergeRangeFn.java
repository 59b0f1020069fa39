package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.BlockGzipOutputStream;
import io.vpcflow.digesterd.digest.CountingOutputStream;
import io.vpcflow.digesterd.digest.KeyRanges;
import io.vpcflow.digesterd.digest.RunDescriptor;
import io.vpcflow.digesterd.digest.RunFile;
import io.vpcflow.digesterd.digest.RunMerger;
import io.vpcflow.digesterd.digest.SortedRun;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Merges one key range of every run into a gzip'd part: a streaming k-way merge of each run's slice
 * of the range (found through the run's index, read from there, one buffer per run), the lines
 * compressed in 1 MiB gzip members as they come, so memory does not grow with the range. Parts of
 * consecutive ranges, joined in order, are the digest.
 */
final class MergeRangeFn extends DoFn<Integer, MergedPart> {
  private static final long serialVersionUID = 1L;

  private final PCollectionView<MergePlan> planView;
  private final SpillFiles spill;
  private final ProgressChannel progress;
  private final Counter rangesMerged = Metrics.counter("digest", "ranges-merged");
  private final String runToken;

  MergeRangeFn(
      PCollectionView<MergePlan> planView,
      SpillFiles spill,
      ProgressChannel progress,
      String runToken) {
    this.planView = planView;
    this.spill = spill;
    this.progress = progress;
    this.runToken = runToken;
  }

  /** The side input this function reads the plan from. */
  PCollectionView<MergePlan> planView() {
    return planView;
  }

  @ProcessElement
  public void process(@Element Integer range, ProcessContext context) throws IOException {
    MergePlan plan = context.sideInput(planView);
    MergedPart part = RunCancellation.guard(runToken, () -> merge(range, plan));
    rangesMerged.inc();
    progress.rangeDone(range);
    context.output(part);
  }

  private MergedPart merge(int range, MergePlan plan) throws IOException {
    byte[] low = KeyRanges.low(plan.boundaries(), range);
    byte[] high = KeyRanges.high(plan.boundaries(), range);
    String location = spill.part(range);
    List<RunFile.Slice> slices = new ArrayList<>();
    long lines;
    long bytes;
    try {
      List<SortedRun.Reader> readers = new ArrayList<>();
      for (RunDescriptor run : plan.runs()) {
        RunFile.Slice slice =
            RunFile.openSlice(new RangedBeamFile(run.location(), run.bytes()), low, high);
        slices.add(slice);
        readers.add(slice.reader());
      }
      CountingOutputStream out =
          new CountingOutputStream(
              Channels.newOutputStream(
                  FileSystems.create(
                      FileSystems.matchNewResource(location, false), MimeTypes.BINARY)));
      try (out) {
        BlockGzipOutputStream gzip =
            new BlockGzipOutputStream(
                out,
                threads(plan.ranges()),
                BlockGzipOutputStream.DEFAULT_BLOCK_BYTES,
                BlockGzipOutputStream.DEFAULT_LEVEL);
        try {
          lines = RunMerger.mergeReaders(readers, gzip);
          gzip.finish();
        } finally {
          gzip.abort();
        }
      }
      bytes = out.count();
    } finally {
      for (RunFile.Slice slice : slices) {
        slice.close();
      }
    }
    return new MergedPart(range, location, bytes, lines);
  }

  /** Compression threads of one range: the processors, shared by the ranges merged at once. */
  private static int threads(int ranges) {
    int processors = Runtime.getRuntime().availableProcessors();
    return Math.max(1, processors / Math.max(1, Math.min(ranges, processors)));
  }
}
