package io.vpcflow.digesterd.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.FlinkCluster;
import io.vpcflow.digesterd.apitesting.JarProcess;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.cli.DigesterdCommand;
import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.pipeline.DigestOptions;
import io.vpcflow.digesterd.pipeline.DigestPipeline;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.sample.SampleSpec;
import io.vpcflow.digesterd.testing.BucketRoles;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.HandFixture;
import io.vpcflow.digesterd.testing.MixedFormats;
import io.vpcflow.digesterd.testing.OracleDigest;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The digest on a real standalone Flink 1.19 cluster (JobManager and TaskManager processes started
 * by {@code runner-configs/flink-local-cluster/start.sh}), next to the DirectRunner and embedded
 * Flink: same bytes on every runner; the server sends large windows to the cluster and small ones
 * to the DirectRunner, and a failing Flink job ends the digest failed with its reason; with a
 * region and role per bucket, the TaskManager reaches each bucket as its role. S3 is a real s3proxy
 * on loopback that the TaskManager reaches over HTTP.
 */
class FlinkClusterIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path WORK = Paths.get("target", "flink-cluster-it").toAbsolutePath();
  private static final String RUNNER_CONFIG =
      Paths.get("..", "runner-configs", "flink-cluster.properties").toString();
  private static final String LOGS = "flowlogs";

  /** A window of generated logs, large enough for the cluster. */
  private static final DigestWindow LARGE =
      DigestWindow.parse("2024-03-01T00:30:00Z", "2024-03-01T01:30:00Z");

  /** A window at the edge of the generated logs: few objects, for the DirectRunner. */
  private static final DigestWindow SMALL =
      DigestWindow.parse("2024-03-01T02:05:00Z", "2024-03-01T02:10:00Z");

  /** A large window with an object that is not gzip data in the middle. */
  private static final DigestWindow CORRUPT =
      DigestWindow.parse("2024-03-02T00:00:00Z", "2024-03-02T01:00:00Z");

  private static EmbeddedS3Server s3;
  private static S3Client client;
  private static FlinkCluster cluster;
  private static OracleDigest largeOracle;

  @BeforeAll
  static void start() throws Exception {
    s3 = EmbeddedS3Server.inMemory();
    client = S3Fixture.client(s3);
    S3Fixture.createBuckets(client, LOGS, ServerEnv.DIGESTS, ServerEnv.PROGRESS, "cli-digests");
    largeOracle = new OracleDigest(LARGE.startEpochSecond(), LARGE.stopEpochSecond());
    S3ObjectSink upload = new S3ObjectSink(client, LOGS, "");
    for (Instant day :
        List.of(Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-02T00:00:00Z"))) {
      SampleSpec spec =
          new SampleSpec(
              day,
              Duration.ofMinutes(130),
              Duration.ofMinutes(5),
              List.of("111111111111", "222222222222"),
              List.of("us-east-1", "eu-west-1"),
              300,
              2000,
              List.of(KeyLayout.PLAIN, KeyLayout.HIVE),
              false,
              11);
      MixedFormats.generate(
          spec,
          key -> key.startsWith("AWSLogs/222222222222/"),
          (key, bytes, text) -> {
            largeOracle.add(text);
            upload.put(key, bytes);
          });
    }
    upload.put(
        "AWSLogs/111111111111/vpcflowlogs/us-east-1/2024/03/02/"
            + "111111111111_vpcflowlogs_us-east-1_fl-0bad0bad_20240302T0030Z_dead.log.gz",
        "version account-id\nthis is not gzip data\n".getBytes(StandardCharsets.UTF_8));
    cluster = FlinkCluster.start(WORK.resolve("cluster"));
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (cluster != null) {
        cluster.close();
      }
    } finally {
      client.close();
      s3.close();
    }
  }

  private static Map<String, String> env(String storage, Map<String, String> extra) {
    Map<String, String> env =
        new HashMap<>(ServerEnv.of(s3, LOGS, Map.of("DIGEST_STORAGE_BUCKET", storage)));
    env.put("RUNTIME_LOGGER_LEVEL", "WARN");
    env.putAll(extra);
    return env;
  }

  private static String storedDigest(String bucket, DigestWindow window) throws Exception {
    return Gzip.gunzip(S3Fixture.get(client, bucket, window.digestId() + ".log.gz"));
  }

  private static DigestSummary storedSummary(String bucket, DigestWindow window) throws Exception {
    return DigestSummaryJson.read(
        new String(
            S3Fixture.get(client, bucket, window.digestId() + ".json"), StandardCharsets.UTF_8));
  }

  @Test
  void theSameWindowGivesTheSameDigestOnTheDirectRunnerEmbeddedFlinkAndTheStandaloneCluster()
      throws Exception {
    Map<String, String> env = env("cli-digests", Map.of());
    String[] window = {
      "digest", "--start", LARGE.start().toString(), "--stop", LARGE.stop().toString()
    };

    assertEquals(0, DigesterdCommand.commandLine(env).execute(window));
    String direct = storedDigest("cli-digests", LARGE);
    assertEquals("DirectRunner", storedSummary("cli-digests", LARGE).runner());

    assertEquals(
        0,
        DigesterdCommand.commandLine(env)
            .execute(
                concat(
                    window,
                    "--runner-config",
                    Paths.get("..", "runner-configs", "flink-local.properties").toString())));
    String local = storedDigest("cli-digests", LARGE);
    assertEquals("FlinkRunner", storedSummary("cli-digests", LARGE).runner());

    JarProcess submit =
        JarProcess.start(
            env,
            WORK.resolve("digest-on-cluster.out"),
            concat(window, "--runner-config", RUNNER_CONFIG, "--flinkMaster=" + cluster.master()));
    assertEquals(0, submit.await(Duration.ofMinutes(5)), submit.output());
    String onCluster = storedDigest("cli-digests", LARGE);
    DigestSummary clusterSummary = storedSummary("cli-digests", LARGE);

    assertTrue(largeOracle.keys() > 1000, "a window of many keys: " + largeOracle.keys());
    assertEquals(largeOracle.text(), direct);
    assertEquals(direct, local);
    assertEquals(direct, onCluster);
    assertEquals("FlinkRunner", clusterSummary.runner());
    long objects = clusterSummary.objects().read();
    assertTrue(
        submit.output().contains("progress: " + objects + "/" + objects + " objects"),
        "the TaskManager's progress reached the submitting command:\n" + submit.output());
    assertEquals(
        List.of(),
        client
            .listObjectsV2(b -> b.bucket("cli-digests").prefix(LARGE.digestId() + "-"))
            .contents(),
        "the progress files are removed");
  }

  @Test
  void severalKeyRangesAreMergedByTheTasksExactlyOnEmbeddedFlinkAndTheCluster() throws Exception {
    Map<String, String> env = env("cli-digests", Map.of());
    String[] window = {
      "digest",
      "--start",
      LARGE.start().toString(),
      "--stop",
      LARGE.stop().toString(),
      "--foldMemoryMb=1",
      "--mergeRanges=6"
    };
    assertEquals(
        0,
        DigesterdCommand.commandLine(env)
            .execute(
                concat(
                    window,
                    "--runner-config",
                    Paths.get("..", "runner-configs", "flink-local.properties").toString())));
    assertEquals(largeOracle.text(), storedDigest("cli-digests", LARGE));
    assertEquals(6, storedSummary("cli-digests", LARGE).merge().ranges());

    JarProcess submit =
        JarProcess.start(
            env,
            WORK.resolve("ranges-on-cluster.out"),
            concat(window, "--runner-config", RUNNER_CONFIG, "--flinkMaster=" + cluster.master()));
    assertEquals(0, submit.await(Duration.ofMinutes(5)), submit.output());
    DigestSummary summary = storedSummary("cli-digests", LARGE);
    assertEquals(largeOracle.text(), storedDigest("cli-digests", LARGE));
    assertEquals("FlinkRunner", summary.runner());
    assertEquals(6, summary.merge().ranges());
    assertTrue(
        submit.output().contains("merged 6/6 ranges"),
        "the TaskManagers' merge progress reached the submitting command:\n" + submit.output());
    assertEquals(
        List.of(),
        client.listObjectsV2(b -> b.bucket("cli-digests").prefix(".digesterd-tmp/")).contents(),
        "the runs and parts in the storage bucket are removed");
  }

  @Test
  void
      theServerSendsLargeWindowsToTheClusterAndSmallOnesToTheDirectRunnerAndReportsAFailedFlinkJob()
          throws Exception {
    long large = listedBytes(LARGE);
    long small = listedBytes(SMALL);
    long corrupt = listedBytes(CORRUPT);
    assertTrue(small < Math.min(large, corrupt), small + " < " + large + ", " + corrupt);
    long threshold = (small + Math.min(large, corrupt)) / 2;
    Map<String, String> env =
        env(
            ServerEnv.DIGESTS,
            Map.of(
                "RUNTIME_HTTPSERVER_ADDRESS",
                "127.0.0.1:0",
                "DIGEST_FLINK_MASTER",
                cluster.master(),
                "DIGEST_FLINK_THRESHOLD_BYTES",
                Long.toString(threshold),
                "DIGEST_FLINK_RUNNER_CONFIG",
                RUNNER_CONFIG,
                "DIGEST_ON_CORRUPT_OBJECT",
                "fail"));
    try (JarProcess server = JarProcess.start(env, WORK.resolve("serve.out"), "serve")) {
      Api api =
          new Api(
              URI.create(
                  server.awaitOutput(
                      Pattern.compile("serving the API at (http://\\S+)"), Duration.ofMinutes(1))));
      for (DigestWindow window : List.of(LARGE, SMALL, CORRUPT)) {
        assertEquals(202, api.post("/" + query(window)).statusCode());
      }

      HttpResponse<byte[]> digest = api.awaitNot204("/" + query(LARGE), Duration.ofMinutes(5));
      assertEquals(200, digest.statusCode(), Api.text(digest) + server.output());
      assertEquals(largeOracle.text(), Gzip.gunzip(digest.body()));
      JsonNode status = JSON.readTree(api.get("/status" + query(LARGE)).body());
      assertEquals("done", status.get("state").asText());
      assertEquals("FlinkRunner", status.get("runner").asText());
      String reason =
          "listed input "
              + large
              + " bytes >= DIGEST_FLINK_THRESHOLD_BYTES "
              + threshold
              + ": Flink at "
              + cluster.master();
      assertEquals(reason, status.get("runnerReason").asText());
      assertEquals(reason, storedSummary(ServerEnv.DIGESTS, LARGE).runnerReason());

      HttpResponse<byte[]> smallDigest = api.awaitNot204("/" + query(SMALL), Duration.ofMinutes(5));
      assertEquals(200, smallDigest.statusCode(), Api.text(smallDigest));
      JsonNode smallStatus = JSON.readTree(api.get("/status" + query(SMALL)).body());
      assertEquals("DirectRunner", smallStatus.get("runner").asText());
      assertEquals(
          "listed input "
              + small
              + " bytes < DIGEST_FLINK_THRESHOLD_BYTES "
              + threshold
              + ": DirectRunner",
          smallStatus.get("runnerReason").asText());

      HttpResponse<byte[]> failed = api.awaitNot204("/" + query(CORRUPT), Duration.ofMinutes(5));
      assertEquals(424, failed.statusCode(), Api.text(failed));
      JsonNode failedStatus = JSON.readTree(api.get("/status" + query(CORRUPT)).body());
      assertEquals("failed", failedStatus.get("state").asText());
      assertEquals("FlinkRunner", failedStatus.get("runner").asText());
      String why = failedStatus.get("reason").asText();
      assertTrue(why.contains("corrupt object") && why.contains("20240302T0030Z_dead.log.gz"), why);
      assertEquals(
          List.of(CORRUPT.digestId() + ".json"),
          client
              .listObjectsV2(b -> b.bucket(ServerEnv.DIGESTS).prefix(CORRUPT.digestId().toString()))
              .contents()
              .stream()
              .map(o -> o.key())
              .toList(),
          "a failed job leaves no digest, only the failure's summary");
      DigestSummary failure = storedSummary(ServerEnv.DIGESTS, CORRUPT);
      assertEquals("failed", failure.state());
      assertEquals("FlinkRunner", failure.runner());
      assertTrue(failure.reason().contains("20240302T0030Z_dead.log.gz"), failure.reason());
    }
  }

  @Test
  void onTheClusterEachBucketIsReachedWithItsOwnRoleAndRegion() throws Exception {
    try (BucketRoles roles =
            BucketRoles.start("flink-role-logs", "flink-role-digests", "flink-role-progress");
        S3Client admin = roles.admin()) {
      HandFixture.write(new S3ObjectSink(admin, "flink-role-logs", ""));
      Map<String, String> env = new HashMap<>(roles.env());
      env.put("RUNTIME_LOGGER_LEVEL", "WARN");
      env.put("RUNTIME_HTTPSERVER_ADDRESS", "127.0.0.1:0");
      env.put("DIGEST_MAX_WINDOW", "P1D");
      env.put("DIGEST_FLINK_MASTER", cluster.master());
      env.put("DIGEST_FLINK_THRESHOLD_BYTES", "0");
      env.put("DIGEST_FLINK_RUNNER_CONFIG", RUNNER_CONFIG);
      String window = Api.window(HandFixture.START, HandFixture.STOP);
      try (JarProcess server =
          JarProcess.start(env, WORK.resolve("serve-with-roles.out"), "serve")) {
        Api api =
            new Api(
                URI.create(
                    server.awaitOutput(
                        Pattern.compile("serving the API at (http://\\S+)"),
                        Duration.ofMinutes(1))));
        assertEquals(202, api.post("/" + window).statusCode());
        HttpResponse<byte[]> digest = api.awaitNot204("/" + window, Duration.ofMinutes(5));
        assertEquals(200, digest.statusCode(), Api.text(digest) + server.output());
        assertEquals(HandFixture.EXPECTED_DIGEST, Gzip.gunzip(digest.body()));
        JsonNode status = JSON.readTree(api.get("/status" + window).body());
        assertEquals("FlinkRunner", status.get("runner").asText(), status.toString());
        assertTrue(
            !status.toString().contains("s3+") && !server.output().contains("s3+"),
            status + server.output());
      }
      // The TaskManager (another JVM, given only the job's options) listed and read the flow logs,
      // wrote the digest and its progress files; the server wrote markers and read the digest.
      assertEquals(
          roles.expectedSigners(),
          roles.requests().signersByBucket(),
          "who signed for which region, by bucket");
      assertTrue(
          roles.requests().to("flink-role-progress").stream()
              .anyMatch(r -> r.key().contains(".progress/") && r.method().equals("PUT")),
          "the TaskManager's progress files, in the progress bucket");
      assertTrue(
          roles.sts().calls().stream()
              .allMatch(c -> c.granted() && c.accessKeyId().equals(BucketRoles.BASE_KEY)),
          roles.sts().calls().toString());
    }
  }

  private static long listedBytes(DigestWindow window) throws Exception {
    DigestOptions options = S3Fixture.options(s3);
    options.setFlowLogsBucket(LOGS);
    options.setStart(window.start().toString());
    options.setStop(window.stop().toString());
    return DigestPipeline.plan(options).totalBytes();
  }

  private static String query(DigestWindow window) {
    return Api.window(window.start().toString(), window.stop().toString());
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
