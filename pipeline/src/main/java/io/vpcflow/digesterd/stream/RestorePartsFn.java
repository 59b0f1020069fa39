package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.pipeline.BundleObjects;
import java.io.IOException;
import java.util.Optional;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads back a part saved before a restart (its name under the stream's folder, stamped with the
 * event time of its batch's earliest object) and outputs it keyed by its window's start, as {@link
 * ReadWindowPartsFn} output it when it read the batch. A part gone in the meantime is skipped with
 * a warning.
 */
final class RestorePartsFn extends DoFn<String, KV<Long, WindowPart>> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RestorePartsFn.class);

  private final StreamStateFiles files;
  private final BundleObjects objects;
  private final Counter restored = Metrics.counter("stream", "parts-restored");

  /**
   * @param files where the parts are saved
   */
  RestorePartsFn(StreamStateFiles files) {
    this.files = files;
    this.objects = files.bundleObjects();
  }

  @StartBundle
  public void startBundle(StartBundleContext context) {
    objects.open(context.getPipelineOptions());
  }

  @Teardown
  public void teardown() {
    objects.close();
  }

  @ProcessElement
  public void process(@Element String name, OutputReceiver<KV<Long, WindowPart>> out)
      throws IOException {
    Optional<WindowPart> part = files.readPart(objects.get(), name);
    if (part.isEmpty()) {
      LOG.warn("the saved part {} is gone: not restored", name);
      return;
    }
    restored.inc();
    out.output(KV.of(part.get().windowStart(), part.get()));
  }
}
