package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.config.DigestOptionsFactory;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.embedded.EmbeddedStores;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.sample.SampleFlowLogs;
import io.vpcflow.digesterd.sample.SampleSpec;
import io.vpcflow.digesterd.window.DigestWindow;
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
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code demo}: the whole product on this machine without AWS: sample logs into the embedded S3
 * server, one digest, a short report.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the product end to end without AWS: starts the embedded S3 server (data under "
          + "--data-dir), writes sample flow logs for the last 3 hours, digests the hour before "
          + "the last one on the DirectRunner and prints a summary with the top talkers.",
      "Ignores bucket settings in the environment: the demo never writes to real buckets."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--data-dir", defaultValue = "digesterd-data/demo", description = "Where the embedded S3 server keeps its files (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--records-per-object", defaultValue = "2000", description = "Records per sample object (default: ${DEFAULT-VALUE}).")
  int recordsPerObject;

  @Override
  public Integer call() throws Exception {
    ServiceConfig base =
        ServiceConfig.fromEnvironment(Map.of("DIGESTERD_DATA_DIR", dataDir.toAbsolutePath().toString()));
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
            List.of(io.vpcflow.digesterd.layout.KeyLayout.PLAIN, io.vpcflow.digesterd.layout.KeyLayout.HIVE),
            false,
            now.getEpochSecond());
    DigestWindow window = new DigestWindow(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
    try (EmbeddedStores stores = EmbeddedStores.start(base)) {
      System.err.printf("embedded S3 server at %s, data in %s%n", stores.config().aws().endpoint().orElseThrow(), stores.dataDirectory());
      long records;
      try (S3Client client = DigestOptionsFactory.s3Client(stores.config())) {
        records = SampleFlowLogs.generate(spec, new S3ObjectSink(client, EmbeddedStores.FLOW_LOGS_BUCKET, ""));
      }
      System.err.printf("wrote %,d sample records for [%s, %s) to s3://%s/%n", records, spec.from(), now, EmbeddedStores.FLOW_LOGS_BUCKET);
      Path local = dataDir.resolve(window.digestId() + ".log.gz");
      DigestSummary summary = DigestRun.execute(stores.config(), window, List.of(), local, System.err);
      SummaryPrinter.print(summary, System.out);
      System.out.printf(Locale.ROOT, "  compaction: %s of gzip'd flow logs (%s of text) -> %s digest, %.0fx smaller%n",
          Sizes.human(summary.objects().bytes()), Sizes.human(summary.objects().textBytes()), Sizes.human(summary.digestBytes()),
          summary.objects().bytes() / (double) Math.max(1, summary.digestBytes()));
      System.out.println("  top talkers by bytes:");
      for (String line : TopTalkers.of(local, 5)) {
        System.out.println("    " + line);
      }
      System.out.printf("  files: digest copy %s%n         bucket files under %s%n", local.toAbsolutePath(), stores.dataDirectory());
    }
    return 0;
  }
}
