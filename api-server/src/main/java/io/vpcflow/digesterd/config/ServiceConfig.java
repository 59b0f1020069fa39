package io.vpcflow.digesterd.config;

import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.pipeline.CorruptObjectPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The validated configuration of the service, from environment variables. When none of the bucket
 * variables is set the service runs on its embedded default: an S3-compatible server on loopback
 * with its data under {@link #dataDirectory()}.
 *
 * @param flowLogs where the flow logs are ({@code VPC_FLOW_LOGS_BUCKET}); empty in embedded mode
 * @param flowLogsPrefix key prefix before {@code AWSLogs/} ({@code VPC_FLOW_LOGS_PREFIX})
 * @param scanAccounts accounts to scan, comma-separated ({@code VPC_FLOW_LOGS_SCAN_ACCOUNTS})
 * @param scanRegions regions to scan, comma-separated ({@code VPC_FLOW_LOGS_SCAN_REGIONS})
 * @param storage where digests are written ({@code DIGEST_STORAGE_BUCKET}); empty in embedded mode
 * @param slackBefore how long before a window an object's time stamp may be ({@code
 *     VPC_FLOW_LOGS_SLACK_BEFORE})
 * @param slackAfter how long after a window an object's time stamp may be ({@code
 *     VPC_FLOW_LOGS_SLACK_AFTER})
 * @param maxLineBytes longer lines are skipped ({@code VPC_FLOW_LOGS_MAX_LINE_BYTES})
 * @param onCorruptObject skip or fail on an object that cannot be read ({@code
 *     DIGEST_ON_CORRUPT_OBJECT})
 * @param maxWindow the longest window accepted ({@code DIGEST_MAX_WINDOW})
 * @param aws how to reach S3: the base region and credentials, and each bucket's own region and
 *     role ({@code *_REGION}, {@code *_ROLE})
 * @param encryption the server-side encryption of the objects written ({@code DIGEST_STORAGE_SSE},
 *     {@code DIGEST_STORAGE_KMS_KEY_ID})
 * @param dataDirectory the embedded default's data directory ({@code DIGESTERD_DATA_DIR})
 * @param readAhead how much the pipeline reads ahead ({@code VPC_MAX_CONCURRENT_PREFETCH}, {@code
 *     VPC_MAX_BYTES_PREFETCH})
 * @param fold how each run bounds its memory ({@code DIGEST_FOLD_MEMORY_MB}, {@code
 *     DIGEST_MERGE_RANGES}, {@code DIGEST_SPILL_LOCATION})
 * @param server the settings only the server uses
 * @param logging where and how much to log ({@code RUNTIME_LOGGER_LEVEL}, {@code
 *     RUNTIME_LOGGER_OUTPUT})
 * @param stats where stats go ({@code RUNTIME_STATS_*})
 * @param stream streaming mode ({@code DIGEST_STREAMING}, {@code DIGEST_STREAM_*})
 */
public record ServiceConfig(
    Optional<StoreLocation> flowLogs,
    String flowLogsPrefix,
    String scanAccounts,
    String scanRegions,
    Optional<StoreLocation> storage,
    Duration slackBefore,
    Duration slackAfter,
    int maxLineBytes,
    CorruptObjectPolicy onCorruptObject,
    Duration maxWindow,
    AwsSettings aws,
    StorageEncryption encryption,
    Path dataDirectory,
    ReadAhead readAhead,
    FoldSettings fold,
    ServerSettings server,
    LoggingSettings logging,
    StatsSettings stats,
    StreamSettings stream) {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ServiceConfig.class);
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._~-]+");

  /** Whether the service runs on its embedded S3 server (no bucket configured). */
  public boolean embedded() {
    return flowLogs.isEmpty();
  }

  /**
   * Reads and validates the configuration.
   *
   * @throws ConfigException listing every missing or invalid variable
   */
  public static ServiceConfig fromEnvironment(Map<String, String> env) {
    return read(env, false);
  }

  /**
   * Like {@link #fromEnvironment}, and also requires what only the server needs: with buckets
   * configured, {@code DIGEST_PROGRESS_BUCKET}.
   *
   * @throws ConfigException listing every missing or invalid variable
   */
  public static ServiceConfig forServer(Map<String, String> env) {
    return read(env, true);
  }

  /**
   * The warnings {@link #fromEnvironment} logs for {@code env}: variables that look like this
   * service's but are not read, each with the closest known name.
   */
  static List<String> unknownVariables(Map<String, String> env) {
    EnvReader in = new EnvReader(env);
    try {
      read(in, true);
    } catch (ConfigException e) {
      // The names asked for are known even when their values are wrong.
    }
    return in.unknownVariables();
  }

  private static ServiceConfig read(Map<String, String> env, boolean server) {
    EnvReader in = new EnvReader(env);
    ServiceConfig config = read(in, server);
    in.unknownVariables().forEach(LOG::warn);
    return config;
  }

  private static ServiceConfig read(EnvReader in, boolean server) {
    Optional<StoreLocation> flowLogs = location(in, "VPC_FLOW_LOGS_BUCKET");
    Optional<StoreLocation> storage = location(in, "DIGEST_STORAGE_BUCKET");
    if (in.optional("VPC_FLOW_LOGS_BUCKET").isPresent()
        != in.optional("DIGEST_STORAGE_BUCKET").isPresent()) {
      in.problem(
          "VPC_FLOW_LOGS_BUCKET and DIGEST_STORAGE_BUCKET must be set together "
              + "(or neither, for the embedded default)");
    }
    Optional<String> accessKey = in.optional("AWS_ACCESS_KEY_ID");
    Optional<String> secretKey = in.optional("AWS_SECRET_ACCESS_KEY");
    if (accessKey.isPresent() != secretKey.isPresent()) {
      in.problem("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together");
    }
    Optional<URI> anyEndpoint = in.uri("AWS_ENDPOINT_URL");
    Optional<URI> s3Endpoint = in.uri("AWS_ENDPOINT_URL_S3").or(() -> anyEndpoint);
    Optional<URI> stsEndpoint = in.uri("AWS_ENDPOINT_URL_STS").or(() -> anyEndpoint);
    boolean custom = s3Endpoint.isPresent();
    String regionVariable =
        in.optional("AWS_REGION").isPresent() ? "AWS_REGION" : "AWS_DEFAULT_REGION";
    String baseRegion = BucketAccess.region(in, regionVariable, custom).orElse("us-east-1");
    AwsSettings aws =
        new AwsSettings(
            baseRegion,
            s3Endpoint,
            stsEndpoint,
            accessKey,
            secretKey,
            in.optional("AWS_SESSION_TOKEN"),
            in.optional("AWS_CREDENTIALS_PROFILE"),
            credentialsFile(in),
            in.bool("USE_IAM", false),
            BucketAccess.read(in, "VPC_FLOW_LOGS", baseRegion, custom),
            BucketAccess.read(in, "DIGEST_STORAGE", baseRegion, custom),
            BucketAccess.read(in, "DIGEST_PROGRESS", baseRegion, custom),
            S3ClientSettings.read(in));
    ServiceConfig config =
        new ServiceConfig(
            flowLogs,
            in.string("VPC_FLOW_LOGS_PREFIX", ""),
            in.string("VPC_FLOW_LOGS_SCAN_ACCOUNTS", ""),
            in.string("VPC_FLOW_LOGS_SCAN_REGIONS", ""),
            storage,
            in.duration("VPC_FLOW_LOGS_SLACK_BEFORE", Duration.ofMinutes(10)),
            in.duration("VPC_FLOW_LOGS_SLACK_AFTER", Duration.ofMinutes(20)),
            in.integer("VPC_FLOW_LOGS_MAX_LINE_BYTES", 65536, 256),
            in.enumValue(
                "DIGEST_ON_CORRUPT_OBJECT", CorruptObjectPolicy.class, CorruptObjectPolicy.SKIP),
            in.duration("DIGEST_MAX_WINDOW", Duration.ofDays(31)),
            aws,
            StorageEncryption.read(in),
            Paths.get(in.string("DIGESTERD_DATA_DIR", "digesterd-data")).toAbsolutePath(),
            ReadAhead.read(in),
            FoldSettings.read(in),
            serverSettings(in, server),
            LoggingSettings.read(in),
            StatsSettings.read(in),
            StreamSettings.read(in));
    in.throwIfProblems();
    return config;
  }

  private static ServerSettings serverSettings(EnvReader in, boolean server) {
    ListenAddress address = new ListenAddress("0.0.0.0", 8080);
    try {
      address = ListenAddress.parse(in.string("RUNTIME_HTTPSERVER_ADDRESS", ":8080"));
    } catch (IllegalArgumentException e) {
      in.problem("RUNTIME_HTTPSERVER_ADDRESS " + e.getMessage());
    }
    Optional<StoreLocation> progress = location(in, "DIGEST_PROGRESS_BUCKET");
    if (progress.isPresent() && !progress.get().isS3()) {
      in.problem(
          "DIGEST_PROGRESS_BUCKET must be an S3 bucket: markers rely on S3 conditional writes");
    }
    boolean buckets = in.optional("VPC_FLOW_LOGS_BUCKET").isPresent();
    if (in.optional("DIGEST_PROGRESS_BUCKET").isPresent() && !buckets) {
      in.problem(
          "DIGEST_PROGRESS_BUCKET is set without VPC_FLOW_LOGS_BUCKET: set the buckets together "
              + "(or none, for the embedded default)");
    }
    if (server && buckets && in.optional("DIGEST_PROGRESS_BUCKET").isEmpty()) {
      in.problem(
          "DIGEST_PROGRESS_BUCKET must be set for serve when VPC_FLOW_LOGS_BUCKET is: progress markers live there");
    }
    Optional<URI> stream = in.uri("STREAM_APPLIANCE_ENDPOINT");
    if (stream.isPresent() && !stream.get().getScheme().matches("https?")) {
      in.problem(
          "STREAM_APPLIANCE_ENDPOINT must be an http:// or https:// URL, got '"
              + stream.get()
              + "'");
    }
    String topic = in.string("STREAM_APPLIANCE_TOPIC", "digests");
    if (!TOPIC.matcher(topic).matches()) {
      in.problem(
          "STREAM_APPLIANCE_TOPIC must be one URL path segment (letters, digits, . _ ~ -), got '"
              + topic
              + "'");
    }
    return new ServerSettings(
        address,
        progress,
        Duration.ofMillis(in.longValue("DIGEST_PROGRESS_TIMEOUT", 600_000, 1)),
        stream,
        topic,
        in.integer("DIGEST_MAX_CONCURRENT", 1, 1),
        in.integer("DIGEST_QUEUE_CAPACITY", 64, 1),
        FlinkSettings.read(in),
        ConnStateSettings.read(in),
        SignalSettings.read(in),
        ApiToken.read(in));
  }

  private static Optional<String> credentialsFile(EnvReader in) {
    Optional<String> file = in.optional("AWS_CREDENTIALS_FILE");
    if (file.isPresent() && !java.nio.file.Files.isReadable(java.nio.file.Paths.get(file.get()))) {
      in.problem("AWS_CREDENTIALS_FILE names a file that cannot be read: " + file.get());
    }
    return file;
  }

  private static Optional<StoreLocation> location(EnvReader in, String name) {
    Optional<String> value = in.optional(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(StoreLocation.parse(value.get()));
    } catch (IllegalArgumentException e) {
      in.problem(name + " " + e.getMessage());
      return Optional.empty();
    }
  }
}
