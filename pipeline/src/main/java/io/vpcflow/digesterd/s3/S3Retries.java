package io.vpcflow.digesterd.s3;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The retry strategy of every S3 client: the SDK's standard conditions (connection failures,
 * timeouts, 5xx, throttling such as 503 SlowDown), a bounded number of attempts, exponential
 * backoff with full jitter from {@link #BASE_BACKOFF} ({@link #THROTTLED_BASE_BACKOFF} after a
 * throttling answer) up to a maximum, and no circuit breaker — an outage is waited out request by
 * request instead of failing every later request at once.
 */
public final class S3Retries {
  /** The first wait between attempts: 100 ms. */
  public static final Duration BASE_BACKOFF = Duration.ofMillis(100);

  /** The first wait after a throttling answer: 1 s. */
  public static final Duration THROTTLED_BASE_BACKOFF = Duration.ofSeconds(1);

  private S3Retries() {}

  /** The strategy for {@code maxAttempts} attempts with waits of at most {@code maxBackoff}. */
  public static RetryStrategy strategy(int maxAttempts, Duration maxBackoff) {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(maxAttempts)
        .backoffStrategy(BackoffStrategy.exponentialDelay(BASE_BACKOFF, maxBackoff))
        .throttlingBackoffStrategy(
            BackoffStrategy.exponentialDelay(THROTTLED_BASE_BACKOFF, maxBackoff))
        .circuitBreakerEnabled(false)
        .build();
  }
}
