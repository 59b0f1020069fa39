package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.embedded.EmbeddedStores;
import java.io.PrintStream;

/**
 * The stores a command works on: the configured ones, or the embedded default when no bucket is
 * configured (started here and stopped on close).
 */
final class Session implements AutoCloseable {
  private final ServiceConfig config;
  private final EmbeddedStores embedded;

  private Session(ServiceConfig config, EmbeddedStores embedded) {
    this.config = config;
    this.embedded = embedded;
  }

  static Session open(ServiceConfig config, PrintStream err) throws Exception {
    if (!config.embedded()) {
      return new Session(config, null);
    }
    EmbeddedStores stores = EmbeddedStores.start(config);
    err.printf(
        "no VPC_FLOW_LOGS_BUCKET configured: using the embedded S3 server at %s%n"
            + "  data directory: %s (buckets %s, %s, %s)%n",
        stores.config().aws().endpoint().orElseThrow(),
        stores.dataDirectory(),
        EmbeddedStores.FLOW_LOGS_BUCKET,
        EmbeddedStores.STORAGE_BUCKET,
        EmbeddedStores.PROGRESS_BUCKET);
    return new Session(stores.config(), stores);
  }

  ServiceConfig config() {
    return config;
  }

  @Override
  public void close() throws Exception {
    if (embedded != null) {
      embedded.close();
    }
  }
}
