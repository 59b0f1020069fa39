package io.vpcflow.digesterd.testing;

import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.sample.ObjectSink;
import io.vpcflow.digesterd.sample.SampleFlowLogs;
import io.vpcflow.digesterd.sample.SampleSpec;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Small flow-log objects for a run that must be slow on {@link SlowReads}: two hours of 5-minute
 * objects of one account and region, of which the window {@link #START}..{@link #STOP} reads about
 * twenty.
 */
public final class SlowRunFixture {
  public static final String START = "2024-05-01T00:30:00Z";
  public static final String STOP = "2024-05-01T01:30:00Z";

  private SlowRunFixture() {}

  /** Writes the objects. */
  public static void write(ObjectSink sink) throws IOException {
    SampleSpec spec =
        new SampleSpec(
            Instant.parse("2024-05-01T00:00:00Z"),
            Duration.ofHours(2),
            Duration.ofMinutes(5),
            List.of("123456789012"),
            List.of("us-east-1"),
            50,
            50,
            List.of(KeyLayout.PLAIN),
            false,
            1);
    SampleFlowLogs.generate(spec, sink);
  }
}
