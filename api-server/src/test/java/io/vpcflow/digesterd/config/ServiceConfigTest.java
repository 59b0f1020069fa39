package io.vpcflow.digesterd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.pipeline.CorruptObjectPolicy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {
  @Test
  void noBucketMeansTheEmbeddedDefaultWithDocumentedDefaults() {
    ServiceConfig config = ServiceConfig.fromEnvironment(Map.of());
    assertTrue(config.embedded());
    assertEquals(Duration.ofMinutes(10), config.slackBefore());
    assertEquals(Duration.ofMinutes(20), config.slackAfter());
    assertEquals(Duration.ofDays(31), config.maxWindow());
    assertEquals(CorruptObjectPolicy.SKIP, config.onCorruptObject());
    assertEquals("us-east-1", config.aws().region());
  }

  @Test
  void readsBucketsUrisEndpointAndCredentials() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of(
                "VPC_FLOW_LOGS_BUCKET", "s3://logs-bucket/org/",
                "VPC_FLOW_LOGS_PREFIX", "tenant",
                "DIGEST_STORAGE_BUCKET", "file:///var/digests",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9000",
                "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "very-secret",
                "AWS_REGION", "eu-west-1",
                "DIGEST_ON_CORRUPT_OBJECT", "fail"));
    assertFalse(config.embedded());
    assertEquals("logs-bucket", config.flowLogs().orElseThrow().bucket());
    assertEquals("org/", config.flowLogs().orElseThrow().keyPrefix());
    assertEquals("tenant", config.flowLogsPrefix());
    assertFalse(config.storage().orElseThrow().isS3());
    assertEquals(URI.create("http://127.0.0.1:9000"), config.aws().endpoint().orElseThrow());
    assertEquals("eu-west-1", config.aws().region());
    assertEquals(CorruptObjectPolicy.FAIL, config.onCorruptObject());
    assertFalse(config.aws().toString().contains("very-secret"), config.aws().toString());
    assertFalse(config.aws().toString().contains("AKIAEXAMPLE"), config.aws().toString());
  }

  @Test
  void reportsEveryProblemAtOnceNamingTheVariables() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ServiceConfig.fromEnvironment(
                    Map.of(
                        "VPC_FLOW_LOGS_BUCKET", "Not_A_Bucket",
                        "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE",
                        "USE_IAM", "perhaps",
                        "VPC_FLOW_LOGS_SLACK_AFTER", "20 minutes",
                        "VPC_FLOW_LOGS_MAX_LINE_BYTES", "12",
                        "AWS_ENDPOINT_URL_S3", "not a url",
                        "DIGEST_ON_CORRUPT_OBJECT", "maybe")));
    String all = String.join("\n", e.problems());
    for (String name :
        new String[] {
          "VPC_FLOW_LOGS_BUCKET names an invalid",
          "DIGEST_STORAGE_BUCKET must be set together",
          "AWS_SECRET_ACCESS_KEY must be set together",
          "USE_IAM",
          "VPC_FLOW_LOGS_SLACK_AFTER",
          "VPC_FLOW_LOGS_MAX_LINE_BYTES",
          "AWS_ENDPOINT_URL_S3",
          "DIGEST_ON_CORRUPT_OBJECT"
        }) {
      assertTrue(all.contains(name), "missing problem '" + name + "' in:\n" + all);
    }
    assertEquals(8, e.problems().size(), all);
  }

  @Test
  void serverSettingsHaveUpstreamCompatibleDefaults() {
    ServerSettings server = ServiceConfig.fromEnvironment(Map.of()).server();
    assertEquals(new ListenAddress("0.0.0.0", 8080), server.address());
    assertTrue(server.progress().isEmpty());
    assertEquals(Duration.ofMinutes(10), server.progressTimeout());
    assertTrue(server.streamEndpoint().isEmpty());
    assertEquals("digests", server.streamTopic());
    assertEquals(1, server.maxConcurrentDigests());
    assertEquals(64, server.queueCapacity());
    assertEquals(FlinkSettings.none(), server.flink());
  }

  @Test
  void readsTheFlinkVariables() throws Exception {
    Path extra = Files.createTempFile("flink", ".properties");
    try {
      FlinkSettings flink =
          ServiceConfig.fromEnvironment(
                  Map.of(
                      "DIGEST_FLINK_MASTER", "flink-jm.internal:8081",
                      "DIGEST_FLINK_THRESHOLD_BYTES", "1048576",
                      "DIGEST_FLINK_RUNNER_CONFIG", extra.toString()))
              .server()
              .flink();
      assertEquals(
          new FlinkSettings(Optional.of("flink-jm.internal:8081"), 1048576, Optional.of(extra)),
          flink);
    } finally {
      Files.delete(extra);
    }
  }

  @Test
  void reportsEveryBadFlinkVariableAtOnce() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ServiceConfig.fromEnvironment(
                    Map.of(
                        "DIGEST_FLINK_MASTER", "http://jm:8081/",
                        "DIGEST_FLINK_THRESHOLD_BYTES", "-1",
                        "DIGEST_FLINK_RUNNER_CONFIG", "/no/such/flink.properties")));
    String all = String.join("\n", e.problems());
    assertEquals(3, e.problems().size(), all);
    assertTrue(all.contains("DIGEST_FLINK_MASTER must be host:port"), all);
    assertTrue(all.contains("DIGEST_FLINK_THRESHOLD_BYTES"), all);
    assertTrue(all.contains("DIGEST_FLINK_RUNNER_CONFIG names a file that cannot be read"), all);
  }

  @Test
  void streamingDefaultsToHourlyWindowsPolledEveryMinuteAndReadsItsVariables() {
    StreamSettings defaults = ServiceConfig.fromEnvironment(Map.of()).stream();
    assertEquals(false, defaults.enabled());
    assertEquals(java.time.Duration.ofMinutes(1), defaults.poll());
    assertEquals(java.time.Duration.ofHours(1), defaults.windows().window());
    assertEquals(java.time.Duration.ofMinutes(15), defaults.windows().lateness());

    StreamSettings set =
        ServiceConfig.fromEnvironment(
            Map.of(
                "DIGEST_STREAMING", "true",
                "DIGEST_STREAM_POLL", "PT1S",
                "DIGEST_STREAM_WINDOW", "PT5M",
                "DIGEST_STREAM_LATENESS", "PT2M"))
            .stream();
    assertEquals(true, set.enabled());
    assertEquals(java.time.Duration.ofSeconds(1), set.poll());
    assertEquals(java.time.Duration.ofMinutes(5), set.windows().window());
    assertEquals(java.time.Duration.ofMinutes(2), set.windows().lateness());
  }

  @Test
  void reportsEveryBadStreamVariableAtOnce() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ServiceConfig.fromEnvironment(
                    Map.of(
                        "DIGEST_STREAM_POLL", "PT0S",
                        "DIGEST_STREAM_WINDOW", "PT7M",
                        "DIGEST_STREAM_LATENESS", "soon")));
    String all = String.join("\n", e.problems());
    assertEquals(3, e.problems().size(), all);
    assertTrue(all.contains("DIGEST_STREAM_POLL must be longer than zero"), all);
    assertTrue(all.contains("DIGEST_STREAM_WINDOW"), all);
    assertTrue(all.contains("DIGEST_STREAM_LATENESS"), all);
  }

  @Test
  void readsTheServerVariables() {
    ServerSettings server =
        ServiceConfig.forServer(
                Map.of(
                    "VPC_FLOW_LOGS_BUCKET", "logs-bucket",
                    "DIGEST_STORAGE_BUCKET", "digest-bucket",
                    "DIGEST_PROGRESS_BUCKET", "s3://progress-bucket/markers",
                    "DIGEST_PROGRESS_TIMEOUT", "100000",
                    "RUNTIME_HTTPSERVER_ADDRESS", "127.0.0.1:9090",
                    "STREAM_APPLIANCE_ENDPOINT", "http://bus.internal:8080",
                    "STREAM_APPLIANCE_TOPIC", "digest-queue",
                    "DIGEST_MAX_CONCURRENT", "2",
                    "DIGEST_QUEUE_CAPACITY", "10"))
            .server();
    assertEquals("progress-bucket", server.progress().orElseThrow().bucket());
    assertEquals("markers/", server.progress().orElseThrow().keyPrefix());
    assertEquals(Duration.ofMillis(100000), server.progressTimeout());
    assertEquals(new ListenAddress("127.0.0.1", 9090), server.address());
    assertEquals(URI.create("http://bus.internal:8080"), server.streamEndpoint().orElseThrow());
    assertEquals("digest-queue", server.streamTopic());
    assertEquals(2, server.maxConcurrentDigests());
    assertEquals(10, server.queueCapacity());
  }

  @Test
  void theServerNeedsAProgressBucketBesideTheOtherBuckets() {
    Map<String, String> buckets =
        Map.of("VPC_FLOW_LOGS_BUCKET", "logs-bucket", "DIGEST_STORAGE_BUCKET", "digest-bucket");
    assertFalse(ServiceConfig.fromEnvironment(buckets).embedded());
    ConfigException e = assertThrows(ConfigException.class, () -> ServiceConfig.forServer(buckets));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(
        e.problems().get(0).startsWith("DIGEST_PROGRESS_BUCKET must be set for serve"),
        e.getMessage());
  }

  @Test
  void reportsEveryBadServerVariableAtOnce() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ServiceConfig.forServer(
                    Map.of(
                        "DIGEST_PROGRESS_BUCKET", "file:///tmp/progress",
                        "DIGEST_PROGRESS_TIMEOUT", "10s",
                        "RUNTIME_HTTPSERVER_ADDRESS", "8080",
                        "STREAM_APPLIANCE_ENDPOINT", "ftp://bus",
                        "STREAM_APPLIANCE_TOPIC", "a/b",
                        "DIGEST_MAX_CONCURRENT", "0",
                        "DIGEST_QUEUE_CAPACITY", "many")));
    String all = String.join("\n", e.problems());
    for (String name :
        new String[] {
          "DIGEST_PROGRESS_BUCKET must be an S3 bucket",
          "DIGEST_PROGRESS_BUCKET is set without VPC_FLOW_LOGS_BUCKET",
          "DIGEST_PROGRESS_TIMEOUT",
          "RUNTIME_HTTPSERVER_ADDRESS",
          "STREAM_APPLIANCE_ENDPOINT",
          "STREAM_APPLIANCE_TOPIC",
          "DIGEST_MAX_CONCURRENT",
          "DIGEST_QUEUE_CAPACITY"
        }) {
      assertTrue(all.contains(name), "missing problem '" + name + "' in:\n" + all);
    }
    assertEquals(8, e.problems().size(), all);
  }

  @Test
  void loggingDefaultsToInfoOnStderr() {
    ServiceConfig config = ServiceConfig.fromEnvironment(Map.of());
    assertEquals(LoggingSettings.defaults(), config.logging());
    assertEquals(LoggingSettings.Level.INFO, config.logging().level());
    assertEquals(LoggingSettings.Output.STDERR, config.logging().output());
  }

  @Test
  void readsTheLoggerVariablesCaseInsensitively() {
    ServiceConfig config =
        ServiceConfig.forServer(
            Map.of("RUNTIME_LOGGER_LEVEL", "debug", "RUNTIME_LOGGER_OUTPUT", "STDOUT"));
    assertEquals(
        new LoggingSettings(LoggingSettings.Level.DEBUG, LoggingSettings.Output.STDOUT),
        config.logging());
    assertEquals(
        LoggingSettings.Output.NULL,
        LoggingSettings.fromEnvironment(Map.of("RUNTIME_LOGGER_OUTPUT", "null")).output());
  }

  @Test
  void badLoggerVariablesAreReportedWithTheOtherProblems() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ServiceConfig.forServer(
                    Map.of(
                        "RUNTIME_LOGGER_LEVEL", "LOUD",
                        "RUNTIME_LOGGER_OUTPUT", "syslog",
                        "DIGEST_PROGRESS_TIMEOUT", "soon")));
    String all = String.join("\n", e.problems());
    assertEquals(3, e.problems().size(), all);
    assertTrue(
        all.contains(
            "RUNTIME_LOGGER_LEVEL must be one of [trace, debug, info, warn, error], got 'LOUD'"),
        all);
    assertTrue(
        all.contains("RUNTIME_LOGGER_OUTPUT must be one of [stdout, stderr, null], got 'syslog'"),
        all);
    assertTrue(all.contains("DIGEST_PROGRESS_TIMEOUT"), all);
    ConfigException alone =
        assertThrows(
            ConfigException.class,
            () -> LoggingSettings.fromEnvironment(Map.of("RUNTIME_LOGGER_LEVEL", "LOUD")));
    assertEquals(1, alone.problems().size(), alone.getMessage());
  }

  @Test
  void statsDefaultToNoneAndReadTheDatadogVariables() {
    StatsSettings none = ServiceConfig.fromEnvironment(Map.of()).stats();
    assertEquals(StatsSettings.Output.NULLSTAT, none.output());
    assertEquals("127.0.0.1", none.host());
    assertEquals(8125, none.port());
    assertEquals(Duration.ofSeconds(10), none.flushInterval());
    assertEquals(1432, none.packetSize());
    StatsSettings datadog =
        ServiceConfig.forServer(
                Map.of(
                    "RUNTIME_STATS_OUTPUT", "datadog",
                    "RUNTIME_STATS_DATADOG_ADDRESS", "agent.local:9125",
                    "RUNTIME_STATS_DATADOG_TAGS", "env:prod, team:net",
                    "RUNTIME_STATS_DATADOG_FLUSHINTERVAL", "PT1S",
                    "RUNTIME_STATS_DATADOG_PACKETSIZE", "8192"))
            .stats();
    assertEquals(
        new StatsSettings(
            StatsSettings.Output.DATADOG,
            "agent.local",
            9125,
            java.util.List.of("env:prod", "team:net"),
            Duration.ofSeconds(1),
            8192),
        datadog);
  }

  @Test
  void badStatsVariablesAreReportedTogether() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ServiceConfig.forServer(
                    Map.of(
                        "RUNTIME_STATS_OUTPUT", "prometheus",
                        "RUNTIME_STATS_DATADOG_ADDRESS", "agent.local",
                        "RUNTIME_STATS_DATADOG_TAGS", "env:prod,novalue",
                        "RUNTIME_STATS_DATADOG_FLUSHINTERVAL", "10s",
                        "RUNTIME_STATS_DATADOG_PACKETSIZE", "70000")));
    String all = String.join("\n", e.problems());
    assertEquals(5, e.problems().size(), all);
    for (String name :
        new String[] {
          "RUNTIME_STATS_OUTPUT",
          "RUNTIME_STATS_DATADOG_ADDRESS",
          "RUNTIME_STATS_DATADOG_TAGS",
          "RUNTIME_STATS_DATADOG_FLUSHINTERVAL",
          "RUNTIME_STATS_DATADOG_PACKETSIZE"
        }) {
      assertTrue(all.contains(name), name + " missing in: " + all);
    }
  }

  @Test
  void connStateMetersHaveUpstreamNamesAndTheirOwnVariables() {
    ConnStateSettings defaults = ServiceConfig.forServer(Map.of()).server().connState();
    assertEquals(
        new ConnStateSettings(
            Duration.ofSeconds(5),
            "http.server.connstate.new",
            "http.server.connstate.new.gauge",
            "http.server.connstate.active",
            "http.server.connstate.active.gauge",
            "http.server.connstate.idle",
            "http.server.connstate.idle.gauge",
            "http.server.connstate.closed",
            "http.server.connstate.hijacked"),
        defaults);
    ConnStateSettings custom =
        ServiceConfig.forServer(
                Map.of(
                    "RUNTIME_CONNSTATE_REPORTINTERVAL", "PT0.5S",
                    "RUNTIME_CONNSTATE_NEWCOUNTER", "conn.new",
                    "RUNTIME_CONNSTATE_ACTIVEGAUGE", "conn.active.now",
                    "RUNTIME_CONNSTATE_HIJACKEDCOUNTER", "conn.hijacked"))
            .server()
            .connState();
    assertEquals(Duration.ofMillis(500), custom.reportInterval());
    assertEquals("conn.new", custom.newCounter());
    assertEquals("conn.active.now", custom.activeGauge());
    assertEquals("conn.hijacked", custom.hijackedCounter());
    assertEquals("http.server.connstate.idle.gauge", custom.idleGauge());
  }

  @Test
  void signalsDefaultToTermAndIntAndReadTheUpstreamVariables() {
    assertEquals(
        List.of("TERM", "INT"), ServiceConfig.forServer(Map.of()).server().signals().names());
    SignalSettings signals =
        ServiceConfig.forServer(
                Map.of("RUNTIME_SIGNALS_INSTALLED", "os", "RUNTIME_SIGNALS_OS_SIGNALS", "1, 15 1"))
            .server()
            .signals();
    assertEquals(List.of(1, 15), signals.osSignals());
    assertEquals(List.of("HUP", "TERM"), signals.names());
  }

  @Test
  void badConnStateAndSignalVariablesAreListedWithTheOtherProblems() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ServiceConfig.forServer(
                    Map.of(
                        "RUNTIME_CONNSTATE_REPORTINTERVAL", "PT0S",
                        "RUNTIME_CONNSTATE_IDLEGAUGE", "idle gauge",
                        "RUNTIME_SIGNALS_INSTALLED", "OS SQS",
                        "RUNTIME_SIGNALS_OS_SIGNALS", "15 9 term",
                        "DIGEST_PROGRESS_TIMEOUT", "soon")));
    String all = String.join("\n", e.problems());
    assertEquals(6, e.problems().size(), all);
    assertTrue(all.contains("RUNTIME_CONNSTATE_REPORTINTERVAL must be more than zero"), all);
    assertTrue(all.contains("RUNTIME_CONNSTATE_IDLEGAUGE must be a metric name"), all);
    assertTrue(
        all.contains("RUNTIME_SIGNALS_INSTALLED must list signal handlers of [OS], got 'SQS'"),
        all);
    assertTrue(
        all.contains(
            "RUNTIME_SIGNALS_OS_SIGNALS must list signal numbers of [1 (SIGHUP), 2 (SIGINT), 10 (SIGUSR1), 14 (SIGALRM), 15 (SIGTERM)], got '9'"),
        all);
    assertTrue(all.contains("got 'term'"), all);
    assertTrue(all.contains("DIGEST_PROGRESS_TIMEOUT"), all);
  }

  @Test
  void readAheadBoundsTheShardsAndTheirBuffers() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of(
                "VPC_MAX_CONCURRENT_PREFETCH", "3",
                "VPC_MAX_BYTES_PREFETCH", "3145728",
                "VPC_FLOW_LOGS_BUCKET", "file:///var/flowlogs",
                "DIGEST_STORAGE_BUCKET", "file:///var/digests"));
    assertEquals(3, config.readAhead().shards());
    assertEquals(1048576, config.readAhead().bufferBytes());
    io.vpcflow.digesterd.pipeline.DigestOptions options =
        DigestOptionsFactory.create(
            config,
            io.vpcflow.digesterd.window.DigestWindow.parse(
                "2019-01-01T00:00:00Z", "2019-01-01T01:00:00Z"));
    assertEquals(3, options.getShards());
    assertEquals(1048576, options.getReadBufferBytes());
    assertEquals(
        ReadAhead.MIN_BUFFER_BYTES,
        ServiceConfig.fromEnvironment(Map.of("VPC_MAX_BYTES_PREFETCH", "1"))
            .readAhead()
            .bufferBytes());
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ServiceConfig.fromEnvironment(Map.of("VPC_MAX_CONCURRENT_PREFETCH", "-1")));
    assertTrue(e.getMessage().contains("VPC_MAX_CONCURRENT_PREFETCH"), e.getMessage());
  }

  @Test
  void foldBudgetRangesAndSpillLocationReachThePipelineOptions() {
    ServiceConfig defaults = ServiceConfig.fromEnvironment(Map.of());
    assertEquals(new FoldSettings(0, 0, ""), defaults.fold());
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of(
                "DIGEST_FOLD_MEMORY_MB", "96",
                "DIGEST_MERGE_RANGES", "12",
                "DIGEST_SPILL_LOCATION", "file:///var/tmp/digesterd",
                "VPC_FLOW_LOGS_BUCKET", "file:///var/flowlogs",
                "DIGEST_STORAGE_BUCKET", "file:///var/digests"));
    io.vpcflow.digesterd.pipeline.DigestOptions options =
        DigestOptionsFactory.create(
            config,
            io.vpcflow.digesterd.window.DigestWindow.parse(
                "2019-01-01T00:00:00Z", "2019-01-01T01:00:00Z"));
    assertEquals(96, options.getFoldMemoryMb());
    assertEquals(12, options.getMergeRanges());
    assertEquals("file:///var/tmp/digesterd", options.getSpillLocation());
  }

  @Test
  void badFoldSettingsAreReportedTogetherNamingTheirVariables() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ServiceConfig.fromEnvironment(
                    Map.of(
                        "DIGEST_FOLD_MEMORY_MB", "-5",
                        "DIGEST_MERGE_RANGES", "many",
                        "DIGEST_SPILL_LOCATION", "/tmp/spill")));
    for (String name :
        new String[] {"DIGEST_FOLD_MEMORY_MB", "DIGEST_MERGE_RANGES", "DIGEST_SPILL_LOCATION"}) {
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
  }
}
