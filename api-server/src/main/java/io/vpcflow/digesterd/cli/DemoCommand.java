package io.vpcflow.digesterd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpcflow.digesterd.config.BeamWarmUp;
import io.vpcflow.digesterd.config.DigestOptionsFactory;
import io.vpcflow.digesterd.config.LoggingSettings;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.embedded.EmbeddedStores;
import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.s3.BucketPurpose;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.sample.SampleFlowLogs;
import io.vpcflow.digesterd.sample.SampleSpec;
import io.vpcflow.digesterd.service.DigesterdService;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code demo}: the whole product on this machine without AWS, through its HTTP API: sample logs
 * into the embedded S3 server, the server started in this process, a digest requested with POST,
 * its progress polled with GET /status, the digest fetched with GET, a short report.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the product end to end without AWS: starts the embedded S3 server (data under "
          + "--data-dir), writes sample flow logs for the last 3 hours, starts the API server, "
          + "requests the digest of the hour before the last one with POST, shows its progress "
          + "from GET /status, fetches it with GET and prints a summary with the top talkers.",
      "With --serve the API stays up afterwards (until Ctrl-C) and ready-to-paste curl commands "
          + "are printed. Ignores bucket settings in the environment: the demo never writes to "
          + "real buckets."
    })
final class DemoCommand implements Callable<Integer> {
  @ParentCommand DigesterdCommand parent;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data-dir",
      defaultValue = "digesterd-data/demo",
      description = "Where the embedded S3 server keeps its files (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--records-per-object",
      defaultValue = "2000",
      description = "Records per sample object (default: ${DEFAULT-VALUE}).")
  int recordsPerObject;

  @Option(
      names = "--port",
      defaultValue = "0",
      description = "Loopback port of the API (default: ${DEFAULT-VALUE}, any free port).")
  int port;

  @Option(
      names = "--serve",
      description = "Keep the API up after the demo and print curl commands to try.")
  boolean serve;

  @Override
  public Integer call() throws Exception {
    BeamWarmUp.start();
    boolean verbose = spec.commandLine().getParseResult().hasMatchedOption("--verbose");
    Path serviceLog = dataDir.toAbsolutePath().resolve("demo-service.log");
    if (verbose) {
      parent.startLogging(LoggingSettings.fromEnvironment(parent.environment()));
    } else {
      parent.startLoggingTo(LoggingSettings.fromEnvironment(parent.environment()), serviceLog);
    }
    ServiceConfig base =
        ServiceConfig.forServer(
            Map.of(
                "DIGESTERD_DATA_DIR",
                dataDir.toAbsolutePath().toString(),
                "RUNTIME_HTTPSERVER_ADDRESS",
                "127.0.0.1:" + port));
    Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
    SampleSpec spec =
        new SampleSpec(
            now.minus(Duration.ofHours(3)),
            Duration.ofHours(3),
            Duration.ofMinutes(5),
            List.of("123456789012", "210987654321"),
            List.of("us-east-1", "eu-west-1"),
            recordsPerObject,
            5000,
            List.of(KeyLayout.PLAIN, KeyLayout.HIVE),
            false,
            now.getEpochSecond());
    DigestWindow window =
        new DigestWindow(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
    try (ShutdownSignal signal =
            serve ? new ShutdownSignal(base.server().signals().names()) : null;
        EmbeddedStores stores = EmbeddedStores.start(base)) {
      System.err.printf(
          "embedded S3 server at %s, data in %s%n",
          stores.config().aws().endpoint().orElseThrow(), stores.dataDirectory());
      long records;
      try (S3Client client =
          DigestOptionsFactory.s3Client(stores.config(), BucketPurpose.FLOW_LOGS)) {
        records =
            SampleFlowLogs.generate(
                spec, new S3ObjectSink(client, EmbeddedStores.FLOW_LOGS_BUCKET, ""));
      }
      System.err.printf(
          "wrote %,d sample records for [%s, %s) to s3://%s/%n",
          records, spec.from(), now, EmbeddedStores.FLOW_LOGS_BUCKET);
      try (DigesterdService service =
          DigesterdService.builder(stores.config()).shutdownGrace(Duration.ofSeconds(5)).start()) {
        System.err.printf("API server at %s%n", service.uri());
        DemoClient api = new DemoClient(service.uri());
        Path local = dataDir.resolve(window.digestId() + ".log.gz");
        DigestSummary summary = requestAndFetch(api, window, local);
        if (summary == null) {
          return 1;
        }
        report(summary, local, stores.dataDirectory());
        if (!verbose) {
          System.err.println("the service's log lines: " + serviceLog);
        }
        if (signal != null) {
          printCurlCommands(service.uri(), window);
          signal.await();
        }
      }
    }
    return 0;
  }

  /** POST, poll the status until the digest is done, GET it; null (reported) when it failed. */
  private static DigestSummary requestAndFetch(DemoClient api, DigestWindow window, Path local)
      throws IOException, InterruptedException {
    HttpResponse<String> created = api.create(window);
    System.err.printf(
        "POST /%s -> %d %s%n", DemoClient.query(window), created.statusCode(), created.body());
    JsonNode status = api.status(window);
    String shown = "";
    while (status.get("state").asText().matches("queued|running")) {
      String line = progressLine(status);
      if (!line.equals(shown)) {
        System.err.println(line);
        shown = line;
      }
      Thread.sleep(500);
      status = api.status(window);
    }
    if (!status.get("state").asText().equals("done")) {
      System.err.printf(
          "digest %s is %s: %s%n",
          window.digestId(), status.get("state").asText(), status.path("reason").asText());
      return null;
    }
    int code = api.fetch(window, local);
    System.err.printf(
        "GET /%s -> %d, %s%n", DemoClient.query(window), code, local.toAbsolutePath());
    return DigestSummaryJson.read(status.get("summary").toString());
  }

  private static String progressLine(JsonNode status) {
    JsonNode p = status.path("progress");
    return String.format(
        Locale.ROOT,
        "status: %s, %d/%d objects, %s/%s (%.1f%%)",
        status.get("state").asText(),
        p.path("objectsDone").asLong(),
        p.path("objectsTotal").asLong(),
        Sizes.human(p.path("bytesDone").asLong()),
        Sizes.human(p.path("bytesTotal").asLong()),
        p.path("percent").asDouble());
  }

  private static void report(DigestSummary summary, Path local, Path bucketFiles)
      throws IOException {
    SummaryPrinter.print(summary, System.out);
    System.out.printf(
        Locale.ROOT,
        "  compaction: %s of gzip'd flow logs (%s of text) -> %s digest, %.0fx smaller%n",
        Sizes.human(summary.objects().bytes()),
        Sizes.human(summary.objects().textBytes()),
        Sizes.human(summary.digestBytes()),
        summary.objects().bytes() / (double) Math.max(1, summary.digestBytes()));
    System.out.println("  top talkers by bytes:");
    for (String line : TopTalkers.of(local, 5)) {
      System.out.println("    " + line);
    }
    System.out.printf(
        "  files: digest copy %s%n         bucket files under %s%n",
        local.toAbsolutePath(), bucketFiles);
  }

  private static void printCurlCommands(URI uri, DigestWindow window) {
    DigestWindow next = new DigestWindow(window.stop(), window.stop().plus(Duration.ofHours(1)));
    String q = DemoClient.query(next);
    System.out.printf(
        "%nThe API stays up at %s (Ctrl-C to stop).%n"
            + "Web page: %s/ui (top talkers, graph, diff; window %s to %s is built)%n"
            + "Try:%n"
            + "  curl -i -X POST '%s/%s'%n"
            + "  curl -s '%s/status%s'%n"
            + "  curl -s '%s/%s' | gunzip | head%n"
            + "  curl -s '%s/query%s&top=10&format=csv'%n"
            + "  curl -s '%s/graph%s&limit=50' > graph.dot%n"
            + "  curl -s '%s/api.yaml'%n",
        uri,
        uri,
        window.start(),
        window.stop(),
        uri,
        q,
        uri,
        q,
        uri,
        q,
        uri,
        DemoClient.query(window),
        uri,
        DemoClient.query(window),
        uri);
  }
}
