package io.vpcflow.digesterd.pipeline;

import java.time.Duration;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Default values of the {@link Duration} options ({@code @Default.InstanceFactory} takes a class,
 * not a value), one per distinct default.
 */
public final class DurationDefaults {
  private DurationDefaults() {}

  /** Five seconds. */
  public static final class FiveSeconds implements DefaultValueFactory<Duration> {
    @Override
    public Duration create(PipelineOptions options) {
      return Duration.ofSeconds(5);
    }
  }

  /** One minute. */
  public static final class OneMinute implements DefaultValueFactory<Duration> {
    @Override
    public Duration create(PipelineOptions options) {
      return Duration.ofMinutes(1);
    }
  }

  /** Ten minutes. */
  public static final class TenMinutes implements DefaultValueFactory<Duration> {
    @Override
    public Duration create(PipelineOptions options) {
      return Duration.ofMinutes(10);
    }
  }

  /** Fifteen minutes. */
  public static final class FifteenMinutes implements DefaultValueFactory<Duration> {
    @Override
    public Duration create(PipelineOptions options) {
      return Duration.ofMinutes(15);
    }
  }

  /** Twenty minutes. */
  public static final class TwentyMinutes implements DefaultValueFactory<Duration> {
    @Override
    public Duration create(PipelineOptions options) {
      return Duration.ofMinutes(20);
    }
  }

  /** One hour. */
  public static final class OneHour implements DefaultValueFactory<Duration> {
    @Override
    public Duration create(PipelineOptions options) {
      return Duration.ofHours(1);
    }
  }

  /** One day. */
  public static final class OneDay implements DefaultValueFactory<Duration> {
    @Override
    public Duration create(PipelineOptions options) {
      return Duration.ofDays(1);
    }
  }
}
