package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.DigestLines;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.report.ReadReport;
import io.vpcflow.digesterd.report.SkippedObject;
import io.vpcflow.digesterd.source.StoreLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Writes the digest of a window from the sorted parts of every key bucket: merged in order and
 * gzip'd to {@code <id>.log.gz}, then the summary to {@code <id>.json}, then the parts are
 * deleted. Each object is written under a temporary name and renamed, so no reader ever sees a
 * partial digest, and the digest is complete before its summary appears. Outputs the digest's
 * Beam resource name.
 */
final class WriteDigestFn extends DoFn<KV<Integer, Iterable<BucketPart>>, String> {
  private static final long serialVersionUID = 1L;

  private final RunDescription run;

  WriteDigestFn(RunDescription run) {
    this.run = run;
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<BucketPart>> all, OutputReceiver<String> out)
      throws IOException {
    List<BucketPart> parts = new ArrayList<>();
    all.getValue().forEach(parts::add);
    parts.sort(Comparator.comparingInt(BucketPart::bucket));

    StoreLocation storage = StoreLocation.parse(run.storage());
    String digestUri = storage.resolve(run.digestId() + ".log.gz");
    long[] lines = {0};
    long digestBytes =
        BeamFiles.writeAtomically(
            digestUri,
            raw -> {
              List<InputStream> streams = new ArrayList<>();
              try {
                for (BucketPart part : parts) {
                  streams.add(new GZIPInputStream(BeamFiles.open(part.uri()), 64 * 1024));
                }
                GZIPOutputStream gzip = new GZIPOutputStream(raw, 64 * 1024);
                lines[0] = DigestLines.mergeSorted(streams, gzip);
                gzip.finish();
              } finally {
                for (InputStream stream : streams) {
                  stream.close();
                }
              }
            });

    ReadReport report = new ReadReport();
    parts.forEach(part -> report.merge(part.report()));
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
    BeamFiles.writeAtomically(storage.resolve(run.digestId() + ".json"), o -> o.write(json));
    BeamFiles.delete(parts.stream().map(BucketPart::uri).toList());
    out.output(digestUri);
  }
}
