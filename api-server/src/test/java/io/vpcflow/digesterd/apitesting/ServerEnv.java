package io.vpcflow.digesterd.apitesting;

import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/** The environment of a server whose buckets are on an embedded S3 server. */
public final class ServerEnv {
  /** The digests bucket. */
  public static final String DIGESTS = "digests";

  /** The markers bucket. */
  public static final String PROGRESS = "progress";

  private ServerEnv() {}

  /**
   * Flow logs in {@code flowLogs}, digests in {@link #DIGESTS}, markers in {@link #PROGRESS}, the
   * API on a free loopback port, windows up to one day; then {@code extra}.
   */
  public static Map<String, String> of(
      EmbeddedS3Server s3, String flowLogs, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("VPC_FLOW_LOGS_BUCKET", flowLogs);
    env.put("DIGEST_STORAGE_BUCKET", DIGESTS);
    env.put("DIGEST_PROGRESS_BUCKET", PROGRESS);
    env.put("AWS_ENDPOINT_URL", s3.endpoint().toString());
    env.put("AWS_ACCESS_KEY_ID", EmbeddedS3Server.ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", EmbeddedS3Server.SECRET_KEY);
    env.put("AWS_REGION", EmbeddedS3Server.REGION);
    env.put("RUNTIME_HTTPSERVER_ADDRESS", "127.0.0.1:0");
    env.put("DIGEST_MAX_WINDOW", "P1D");
    env.putAll(extra);
    return env;
  }

  /**
   * Creates the buckets of {@link #of}: {@code flowLogs}, {@link #DIGESTS} and {@link #PROGRESS}.
   */
  public static void createBuckets(S3Client client, String flowLogs) {
    S3Fixture.createBuckets(client, flowLogs, DIGESTS, PROGRESS);
  }

  /** A TCP port free on loopback now, for a server that must be told its port in advance. */
  public static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }
}
