package io.vpcflow.digesterd.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.vpcflow.digesterd.config.ConfigException;
import io.vpcflow.digesterd.config.DigestOptionsFactory;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.connstate.ConnectionStates;
import io.vpcflow.digesterd.http.ApiServer;
import io.vpcflow.digesterd.http.Routes;
import io.vpcflow.digesterd.launch.DigestBuilder;
import io.vpcflow.digesterd.launch.LaunchPool;
import io.vpcflow.digesterd.launch.Launcher;
import io.vpcflow.digesterd.launch.PipelineDigestBuilder;
import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.marker.MarkerStore;
import io.vpcflow.digesterd.marker.S3MarkerStore;
import io.vpcflow.digesterd.queue.HttpQueuer;
import io.vpcflow.digesterd.queue.Queuer;
import io.vpcflow.digesterd.queue.StandaloneQueuer;
import io.vpcflow.digesterd.s3.BucketPurpose;
import io.vpcflow.digesterd.stats.ConnStateMeters;
import io.vpcflow.digesterd.stats.Stats;
import io.vpcflow.digesterd.store.DigestStore;
import io.vpcflow.digesterd.store.DirectoryDigestStore;
import io.vpcflow.digesterd.store.S3DigestStore;
import io.vpcflow.digesterd.store.StreamStatusReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The running service: HTTP API, launch pool and modules. Each module is an interface with a
 * built-in default; the {@link Builder} takes custom ones, like upstream's service struct:
 *
 * <pre>{@code
 * try (DigesterdService service =
 *     DigesterdService.builder(ServiceConfig.forServer(System.getenv()))
 *         .digestStore(new MyDigestStore())      // store.DigestStore
 *         .queuer(pool -> new MySqsQueuer())     // queue.Queuer
 *         .start()) { ... }
 * }</pre>
 */
public final class DigesterdService implements AutoCloseable {
  private final ApiServer api;
  private final LaunchPool pool;
  private final Launcher launcher;
  private final List<S3Client> clients;
  private final Duration shutdownGrace;
  private final Stats ownStats;

  private DigesterdService(
      ApiServer api,
      LaunchPool pool,
      Launcher launcher,
      List<S3Client> clients,
      Duration shutdownGrace,
      Stats ownStats) {
    this.ownStats = ownStats;
    this.api = api;
    this.pool = pool;
    this.launcher = launcher;
    this.clients = clients;
    this.shutdownGrace = shutdownGrace;
  }

  /**
   * A builder for the service of {@code config} (with its buckets set: use the embedded stores'
   * config for the default).
   */
  public static Builder builder(ServiceConfig config) {
    return new Builder(config);
  }

  /** The base URL of the API. */
  public URI uri() {
    return api.uri();
  }

  /** The port the API listens on. */
  public int port() {
    return api.address().port();
  }

  /**
   * Stops accepting requests, abandons waiting digests, gives running ones the shutdown grace to
   * finish (then cancels their pipelines and marks them failed), and releases the clients.
   */
  @Override
  public void close() {
    try {
      api.close();
      pool.close(shutdownGrace);
    } finally {
      launcher.close();
      clients.forEach(S3Client::close);
      if (ownStats != null) {
        ownStats.close();
      }
    }
  }

  /** Assembles the service from the configuration and any custom modules. */
  public static final class Builder {
    private final ServiceConfig config;
    private DigestStore digestStore;
    private MarkerStore markerStore;
    private Function<LaunchPool, Queuer> queuer;
    private DigestBuilder digestBuilder;
    private HttpClient httpClient;
    private List<String> beamArgs = List.of();
    private Duration shutdownGrace = Duration.ofSeconds(30);
    private MeterRegistry meterRegistry;

    private Builder(ServiceConfig config) {
      this.config = config;
    }

    /** Where digests are served from (default: the storage location the pipeline writes to). */
    public Builder digestStore(DigestStore store) {
      this.digestStore = store;
      return this;
    }

    /** Where markers are kept (default: {@code DIGEST_PROGRESS_BUCKET} on S3). */
    public Builder markerStore(MarkerStore store) {
      this.markerStore = store;
      return this;
    }

    /**
     * How created digests reach the workers (default: this process's launch pool, or the event bus
     * of {@code STREAM_APPLIANCE_ENDPOINT}); made from this process's launch pool.
     */
    public Builder queuer(Function<LaunchPool, Queuer> factory) {
      this.queuer = factory;
      return this;
    }

    /** What builds a digest (default: the Beam pipeline in this process). */
    public Builder digestBuilder(DigestBuilder builder) {
      this.digestBuilder = builder;
      return this;
    }

    /** The client the built-in event-bus queuer posts with (its retries stay). */
    public Builder httpClient(HttpClient client) {
      this.httpClient = client;
      return this;
    }

    /** Extra Beam {@code --name=value} arguments for every pipeline run of the built-in builder. */
    public Builder beamArgs(List<String> args) {
      this.beamArgs = List.copyOf(args);
      return this;
    }

    /**
     * Where stats are recorded (default: the registry of {@code RUNTIME_STATS_*}, closed with the
     * service; a registry given here is left open, and reports the connection-state gauges as often
     * as it reports gauges).
     */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meterRegistry = registry;
      return this;
    }

    /** How long running digests may finish when the service stops (default 30 s). */
    public Builder shutdownGrace(Duration grace) {
      this.shutdownGrace = grace;
      return this;
    }

    /**
     * Starts the service; returns once the API listens.
     *
     * @throws ConfigException when a bucket the built-in modules need is not configured
     * @throws IllegalArgumentException when a Beam argument is invalid
     * @throws java.io.IOException when the API address cannot be bound
     */
    public DigesterdService start() throws java.io.IOException {
      StoreLocation storage =
          config
              .storage()
              .orElseThrow(() -> new ConfigException(List.of("DIGEST_STORAGE_BUCKET is not set")));
      // Each bucket with its own client: its region and role (DIGEST_STORAGE_*, DIGEST_PROGRESS_*).
      S3Client storageClient = DigestOptionsFactory.s3Client(config, BucketPurpose.STORAGE);
      S3Client progressClient = DigestOptionsFactory.s3Client(config, BucketPurpose.PROGRESS);
      List<S3Client> clients = List.of(storageClient, progressClient);
      LaunchPool pool = null;
      Launcher launcher = null;
      Stats ownStats =
          meterRegistry == null
              ? Stats.open(config.stats(), config.server().connState().reportInterval())
              : null;
      MeterRegistry meters = meterRegistry != null ? meterRegistry : ownStats.registry();
      try {
        DigestStore output =
            storage.isS3()
                ? new S3DigestStore(storageClient, storage)
                : new DirectoryDigestStore(storage);
        DigestStore store = digestStore != null ? digestStore : output;
        MarkerStore markers =
            markerStore != null
                ? markerStore
                : new S3MarkerStore(progressClient, progressLocation());
        DigestBuilder builder =
            digestBuilder != null ? digestBuilder : new PipelineDigestBuilder(config, beamArgs);
        Duration staleAfter = config.server().progressTimeout();
        String owner = Owners.thisProcess();
        launcher =
            new Launcher(
                markers, store, output, builder, staleAfter, owner, Clock.systemUTC(), meters);
        pool =
            new LaunchPool(
                launcher,
                config.server().maxConcurrentDigests(),
                config.server().queueCapacity(),
                Launcher.heartbeatInterval(staleAfter));
        Queuer queue = queuer != null ? queuer.apply(pool) : defaultQueuer(pool);
        Digests digests =
            new Digests(
                store,
                markers,
                queue,
                pool,
                staleAfter,
                owner,
                new StreamStatusReader(
                    config.server().progress().isPresent() ? progressClient : storageClient,
                    DigestOptionsFactory.streamFolder(config)),
                Clock.systemUTC());
        ConnectionStates connections = new ConnectionStates();
        ConnStateMeters.bind(connections, config.server().connState(), meters);
        ApiServer api =
            ApiServer.start(
                config.server().address(),
                new Routes(digests, config.maxWindow(), meters, config.server().authToken()),
                connections);
        return new DigesterdService(api, pool, launcher, clients, shutdownGrace, ownStats);
      } catch (RuntimeException | java.io.IOException e) {
        if (launcher != null) {
          launcher.close();
        }
        if (pool != null) {
          pool.close();
        }
        clients.forEach(S3Client::close);
        if (ownStats != null) {
          ownStats.close();
        }
        throw e;
      }
    }

    private StoreLocation progressLocation() {
      return config
          .server()
          .progress()
          .orElseThrow(
              () ->
                  new ConfigException(
                      List.of("DIGEST_PROGRESS_BUCKET must be set: progress markers live there")));
    }

    private Queuer defaultQueuer(LaunchPool pool) {
      return config
          .server()
          .streamEndpoint()
          .<Queuer>map(
              endpoint ->
                  new HttpQueuer(
                      endpoint,
                      config.server().streamTopic(),
                      httpClient != null
                          ? httpClient
                          : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                      config.server().authToken()))
          .orElseGet(() -> new StandaloneQueuer(pool));
    }
  }
}
