package io.vpcflow.digesterd.config;

import io.vpcflow.digesterd.parquet.ParquetWarmUp;
import org.apache.beam.model.pipeline.v1.RunnerApi;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.reflect.DoFnInvokers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Beam's one-time set-up, started on a background thread so that it overlaps reading the
 * configuration, listing objects and building the pipeline: the options registry (about a second of
 * reflection on a cold JVM), the pipeline model's protocol-buffer descriptors that every runner
 * translates the graph into, and the bytecode generator that makes each {@code DoFn}'s invoker. A
 * caller needing one of them on another thread meanwhile waits for it rather than doing it twice
 * (each is a class's initialisation).
 */
public final class BeamWarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(BeamWarmUp.class);

  /**
   * The system property the launcher ({@code bin/vpcflow-digesterd}) sets to {@code true} when its
   * JVM writes the class-data archive at exit: the archive then also gets the Parquet reader's
   * classes, whatever the command reads.
   */
  static final String ARCHIVING_PROPERTY = "vpcflow.digesterd.archivingClasses";

  private BeamWarmUp() {}

  /** Starts the set-up on a daemon thread; returns at once. */
  public static void start() {
    Thread thread = new Thread(BeamWarmUp::run, "beam-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    if (Boolean.getBoolean(ARCHIVING_PROPERTY)) {
      ParquetWarmUp.start();
    }
    PipelineOptionsFactory.create();
    try {
      RunnerApi.getDescriptor();
      DoFnInvokers.invokerFor(new Identity());
    } catch (RuntimeException e) {
      LOG.debug("Beam's warm-up failed; its parts are set up when first used", e);
    }
  }

  /** The smallest {@code DoFn}, whose invoker is generated first. */
  private static final class Identity extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element, OutputReceiver<String> out) {
      out.output(element);
    }
  }
}
