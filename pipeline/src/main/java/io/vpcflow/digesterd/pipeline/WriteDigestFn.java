package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.DigestLines;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.report.ReadReport;
import io.vpcflow.digesterd.report.SkippedObject;
import io.vpcflow.digesterd.source.StoreLocation;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Writes the digest of a window: the lines of all key buckets, merged in order and gzip'd, to
 * {@code <id>.log.gz} and the summary to {@code <id>.json}. Each object is written under a temporary name and then renamed, so no
 * reader ever sees a partial digest; the digest is complete before its summary appears. Runs
 * once, on the merged report (main input), with the sorted buckets as a side input; outputs the digest's
 * URI.
 */
final class WriteDigestFn extends DoFn<ReadReport, String> {
  private static final long serialVersionUID = 1L;

  private final PCollectionView<List<List<byte[]>>> bucketsView;
  private final RunDescription run;

  WriteDigestFn(PCollectionView<List<List<byte[]>>> bucketsView, RunDescription run) {
    this.bucketsView = bucketsView;
    this.run = run;
  }

  @ProcessElement
  public void process(@Element ReadReport shardsReport, ProcessContext context) throws IOException {
    List<List<byte[]>> sortedBuckets = context.sideInput(bucketsView);
    StoreLocation storage = StoreLocation.parse(run.storage());
    String digestUri = storage.resolve(run.digestId() + ".log.gz");
    long[] lines = {0};
    long digestBytes =
        writeAtomically(
            digestUri,
            out -> {
              GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024);
              lines[0] = DigestLines.writeMerged(sortedBuckets, gzip);
              gzip.finish();
            });

    ReadReport report = new ReadReport();
    report.merge(shardsReport);
    run.plannedSkips().forEach(report::addSkipped);
    Instant finished = Instant.now();
    List<SkippedObject> skipped = report.skippedObjects();
    DigestSummary summary =
        new DigestSummary(
            run.digestId(),
            run.start(),
            run.stop(),
            run.runner(),
            digestUri,
            run.startedAt().toString(),
            finished.toString(),
            Duration.between(run.startedAt(), finished).toMillis(),
            DigestSummary.objectsOf(report, run.listedObjects()),
            DigestSummary.Records.of(report),
            lines[0],
            digestBytes,
            skipped.subList(0, Math.min(skipped.size(), DigestSummary.MAX_LISTED)),
            skipped.size() > DigestSummary.MAX_LISTED);
    byte[] json = DigestSummaryJson.write(summary).getBytes(StandardCharsets.UTF_8);
    writeAtomically(storage.resolve(run.digestId() + ".json"), out -> out.write(json));
    context.output(digestUri);
  }

  /** Writes to a temporary sibling of {@code uri}, then renames it; returns the bytes written. */
  private static long writeAtomically(String uri, Body body) throws IOException {
    ResourceId target = FileSystems.matchNewResource(uri, false);
    ResourceId temp = FileSystems.matchNewResource(uri + ".tmp-" + UUID.randomUUID(), false);
    CountingOutputStream out =
        new CountingOutputStream(Channels.newOutputStream(FileSystems.create(temp, MimeTypes.BINARY)));
    try (out) {
      body.write(out);
    }
    FileSystems.rename(List.of(temp), List.of(target));
    return out.count;
  }

  @FunctionalInterface
  private interface Body {
    void write(OutputStream out) throws IOException;
  }

  private static final class CountingOutputStream extends FilterOutputStream {
    long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
