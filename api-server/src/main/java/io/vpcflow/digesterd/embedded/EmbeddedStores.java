package io.vpcflow.digesterd.embedded;

import io.vpcflow.digesterd.config.AwsSettings;
import io.vpcflow.digesterd.config.BucketAccess;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.s3.BucketPurpose;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The embedded default's running S3 server and buckets. Objects live as plain files under {@code
 * <data dir>/s3/<bucket>/}, so they survive restarts and can be inspected.
 */
public final class EmbeddedStores implements AutoCloseable {
  /** Bucket of the sample flow logs. */
  public static final String FLOW_LOGS_BUCKET = "flowlogs";

  /** Bucket of the digests. */
  public static final String STORAGE_BUCKET = "digests";

  /** Bucket of the progress markers. */
  public static final String PROGRESS_BUCKET = "progress";

  private final EmbeddedS3Server server;
  private final ServiceConfig config;

  private EmbeddedStores(EmbeddedS3Server server, ServiceConfig config) {
    this.server = server;
    this.config = config;
  }

  /**
   * Starts the server on a free loopback port with data under {@code base.dataDirectory()}, creates
   * the buckets that are missing, and returns stores whose {@link #config()} is {@code base}
   * pointed at them.
   */
  public static EmbeddedStores start(ServiceConfig base) throws Exception {
    EmbeddedS3Server server = EmbeddedS3Server.onDisk(base.dataDirectory().resolve("s3"), 0);
    AwsSettings aws =
        new AwsSettings(
            EmbeddedS3Server.REGION,
            Optional.of(server.endpoint()),
            Optional.empty(),
            Optional.of(EmbeddedS3Server.ACCESS_KEY),
            Optional.of(EmbeddedS3Server.SECRET_KEY),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false,
            BucketAccess.of(EmbeddedS3Server.REGION),
            BucketAccess.of(EmbeddedS3Server.REGION),
            BucketAccess.of(EmbeddedS3Server.REGION),
            base.aws().s3Client());
    ServiceConfig config =
        new ServiceConfig(
            Optional.of(StoreLocation.parse(FLOW_LOGS_BUCKET)),
            base.flowLogsPrefix(),
            base.scanAccounts(),
            base.scanRegions(),
            Optional.of(StoreLocation.parse(STORAGE_BUCKET)),
            base.slackBefore(),
            base.slackAfter(),
            base.maxLineBytes(),
            base.onCorruptObject(),
            base.maxWindow(),
            aws,
            base.encryption(),
            base.dataDirectory(),
            base.readAhead(),
            base.fold(),
            base.server().withProgress(StoreLocation.parse(PROGRESS_BUCKET)),
            base.logging(),
            base.stats(),
            base.stream());
    EmbeddedStores stores = new EmbeddedStores(server, config);
    try (S3Client client = stores.client()) {
      for (String bucket : List.of(FLOW_LOGS_BUCKET, STORAGE_BUCKET, PROGRESS_BUCKET)) {
        if (!client.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket))) {
          client.createBucket(b -> b.bucket(bucket));
        }
      }
    }
    return stores;
  }

  /** The configuration pointing at the embedded server. */
  public ServiceConfig config() {
    return config;
  }

  /** A new client of the embedded server (close it). */
  public S3Client client() {
    return io.vpcflow.digesterd.config.DigestOptionsFactory.s3Client(
        config, BucketPurpose.FLOW_LOGS);
  }

  /** Where the server keeps its objects. */
  public Path dataDirectory() {
    return server.dataDirectory();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
