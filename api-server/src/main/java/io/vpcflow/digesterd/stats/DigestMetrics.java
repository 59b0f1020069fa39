package io.vpcflow.digesterd.stats;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vpcflow.digesterd.report.DigestSummary;
import java.time.Duration;

/**
 * The per-digest meters, recorded in this one place by the server's launcher and by the {@code
 * digest} command: {@code digest.duration} (timer) and the counters {@code digest.objects}, {@code
 * digest.bytes}, {@code digest.records}, {@code digest.keys} and {@code digest.malformed_lines},
 * tagged {@code outcome}.
 */
public final class DigestMetrics {
  private DigestMetrics() {}

  /** Records a digest built: its duration and counts, tagged {@code outcome:done}. */
  public static void done(MeterRegistry meters, DigestSummary summary) {
    Timer.builder("digest.duration")
        .tag("outcome", "done")
        .register(meters)
        .record(Duration.ofMillis(summary.durationMillis()));
    meters.counter("digest.objects", "outcome", "done").increment(summary.objects().read());
    meters.counter("digest.bytes", "outcome", "done").increment(summary.objects().bytes());
    meters.counter("digest.records", "outcome", "done").increment(summary.records().digested());
    meters.counter("digest.keys", "outcome", "done").increment(summary.keys());
    meters
        .counter("digest.malformed_lines", "outcome", "done")
        .increment(summary.records().malformed());
  }

  /** Records a digest that failed after {@code took}, tagged {@code outcome:failed}. */
  public static void failed(MeterRegistry meters, Duration took) {
    Timer.builder("digest.duration").tag("outcome", "failed").register(meters).record(took);
  }
}
