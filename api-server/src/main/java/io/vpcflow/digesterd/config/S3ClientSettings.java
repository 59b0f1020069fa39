package io.vpcflow.digesterd.config;

import java.time.Duration;

/**
 * How every S3 request of the service (listing, reading, writing digests and markers, in the server
 * and in pipeline workers) survives a slow or failing S3: bounded attempts with exponential backoff
 * and jitter, and timeouts that turn a hung connection into a retry.
 *
 * @param maxAttempts attempts per request, the first included ({@code AWS_MAX_ATTEMPTS}, default 8)
 * @param maxBackoff the longest wait between two attempts ({@code DIGEST_S3_MAX_BACKOFF}, default
 *     20 s); waits start at 100 ms (1 s after a throttling answer such as 503 SlowDown) and double,
 *     each drawn at random below its bound (jitter)
 * @param connectTimeout how long opening a connection may take ({@code DIGEST_S3_CONNECT_TIMEOUT},
 *     default 5 s)
 * @param socketTimeout how long a connection may stay silent while a request is sent or its answer
 *     read ({@code DIGEST_S3_SOCKET_TIMEOUT}, default 30 s)
 */
public record S3ClientSettings(
    int maxAttempts, Duration maxBackoff, Duration connectTimeout, Duration socketTimeout) {

  /** The defaults. */
  public static S3ClientSettings defaults() {
    return new S3ClientSettings(
        8, Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  static S3ClientSettings read(EnvReader in) {
    S3ClientSettings d = defaults();
    return new S3ClientSettings(
        in.integer("AWS_MAX_ATTEMPTS", d.maxAttempts(), 1),
        in.duration("DIGEST_S3_MAX_BACKOFF", d.maxBackoff()),
        in.duration("DIGEST_S3_CONNECT_TIMEOUT", d.connectTimeout()),
        in.duration("DIGEST_S3_SOCKET_TIMEOUT", d.socketTimeout()));
  }
}
