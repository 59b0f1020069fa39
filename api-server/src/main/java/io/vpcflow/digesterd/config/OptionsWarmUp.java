package io.vpcflow.digesterd.config;

import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Beam's one-time set-up of its options registry (about a second of reflection on a cold JVM),
 * started on a background thread so that it overlaps reading the configuration, starting the
 * embedded store and listing objects. The first caller of {@link PipelineOptionsFactory} on another
 * thread waits for it rather than doing it twice (it is the class's initialisation).
 */
public final class OptionsWarmUp {
  private OptionsWarmUp() {}

  /** Starts the set-up on a daemon thread; returns at once. */
  public static void start() {
    Thread thread = new Thread(PipelineOptionsFactory::create, "beam-options-warm-up");
    thread.setDaemon(true);
    thread.start();
  }
}
