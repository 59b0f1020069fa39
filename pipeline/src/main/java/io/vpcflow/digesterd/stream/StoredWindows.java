package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.pipeline.BundleObjects;
import io.vpcflow.digesterd.pipeline.DigestObjects;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The {@link WindowStore} of a running stream: digests and summaries written through {@link
 * DigestObjects} exactly as the batch path writes them, late records counted under {@value
 * WindowSummaries#LATE} in the summary, parts deleted from the stream's folder.
 */
final class StoredWindows implements WindowStore {
  private static final long serialVersionUID = 1L;

  private final StreamWindows windows;
  private final String storage;
  private final String runner;
  private final StreamStateFiles files;
  private final BundleObjects summaries;
  private final BundleObjects folder;

  /**
   * @param windows the stream's windows
   * @param storage where digests are written
   * @param runner the runner's name, for the summaries
   * @param files the stream's saved parts
   */
  StoredWindows(StreamWindows windows, String storage, String runner, StreamStateFiles files) {
    this.windows = windows;
    this.storage = storage;
    this.runner = runner;
    this.files = files;
    this.summaries =
        new BundleObjects(DigestObjects.summariesLocation(StoreLocation.parse(storage)));
    this.folder = files.bundleObjects();
  }

  @Override
  public void open(PipelineOptions options) {
    summaries.open(options);
    folder.open(options);
  }

  @Override
  public void close() {
    summaries.close();
    folder.close();
  }

  @Override
  public boolean hasDigest(DigestWindow window) throws IOException {
    return summary(window).isPresent();
  }

  @Override
  public long writeDigest(
      DigestWindow window, List<WindowPart> parts, Instant openedAt, Instant closedAt)
      throws IOException {
    StoreLocation store = StoreLocation.parse(storage);
    String id = window.digestId().toString();
    List<byte[]> runs = parts.stream().map(WindowPart::run).toList();
    DigestObjects.Written digest = DigestObjects.writeDigest(store, id, runs);
    DigestObjects.writeSummary(
        summaries.get(),
        store,
        WindowSummaries.done(
            window,
            runner,
            parts,
            digest.uri(),
            digest.lines(),
            digest.bytes(),
            openedAt,
            closedAt));
    return digest.lines();
  }

  @Override
  public void countLate(DigestWindow window, long records) throws IOException {
    Optional<DigestSummary> summary = summary(window);
    if (summary.isPresent()) {
      DigestSummary counted =
          WindowSummaries.withLate(summary.get(), WindowSummaries.lateOf(summary.get()) + records);
      DigestObjects.writeSummary(summaries.get(), StoreLocation.parse(storage), counted);
    }
  }

  @Override
  public void deleteParts(long windowStart) throws IOException {
    files.deleteWindowParts(folder.get(), windowStart);
  }

  private Optional<DigestSummary> summary(DigestWindow window) throws IOException {
    return DigestObjects.readSummary(
            summaries.get(), StoreLocation.parse(storage), window.digestId().toString())
        .filter(DigestSummary::succeeded);
  }
}
