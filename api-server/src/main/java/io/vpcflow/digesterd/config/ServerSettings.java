package io.vpcflow.digesterd.config;

import io.vpcflow.digesterd.location.StoreLocation;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The settings only {@code serve} uses.
 *
 * @param address where the HTTP API listens ({@code RUNTIME_HTTPSERVER_ADDRESS}, default {@code
 *     :8080})
 * @param progress where progress markers are kept ({@code DIGEST_PROGRESS_BUCKET}, an S3 bucket or
 *     {@code s3://bucket/prefix}); empty when not configured
 * @param progressTimeout a queued or running marker not updated for this long is stale and may be
 *     taken over ({@code DIGEST_PROGRESS_TIMEOUT}, milliseconds)
 * @param streamEndpoint the event bus that jobs are posted to ({@code STREAM_APPLIANCE_ENDPOINT});
 *     empty for the standalone in-process queue
 * @param streamTopic the topic of the jobs on the event bus ({@code STREAM_APPLIANCE_TOPIC})
 * @param maxConcurrentDigests digests this process builds at the same time ({@code
 *     DIGEST_MAX_CONCURRENT})
 * @param queueCapacity digests that may wait in this process for a free slot ({@code
 *     DIGEST_QUEUE_CAPACITY})
 * @param flink when digests go to a Flink cluster ({@code DIGEST_FLINK_*})
 * @param connState the names and report interval of the HTTP connection-state meters ({@code
 *     RUNTIME_CONNSTATE_*})
 * @param signals the signals that stop the server ({@code RUNTIME_SIGNALS_*})
 * @param authToken the bearer token every route but {@code GET /healthcheck} requires ({@code
 *     DIGESTERD_AUTH_TOKEN}); empty: no authentication
 */
public record ServerSettings(
    ListenAddress address,
    Optional<StoreLocation> progress,
    Duration progressTimeout,
    Optional<URI> streamEndpoint,
    String streamTopic,
    int maxConcurrentDigests,
    int queueCapacity,
    FlinkSettings flink,
    ConnStateSettings connState,
    SignalSettings signals,
    Optional<ApiToken> authToken) {

  /** These settings with markers kept at {@code location}. */
  public ServerSettings withProgress(StoreLocation location) {
    return new ServerSettings(
        address,
        Optional.of(location),
        progressTimeout,
        streamEndpoint,
        streamTopic,
        maxConcurrentDigests,
        queueCapacity,
        flink,
        connState,
        signals,
        authToken);
  }
}
