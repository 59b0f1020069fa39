package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.config.DigestOptionsFactory;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.layout.ObjectFormat;
import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.s3.BucketPurpose;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.sample.DirectorySink;
import io.vpcflow.digesterd.sample.ObjectSink;
import io.vpcflow.digesterd.sample.SampleFlowLogs;
import io.vpcflow.digesterd.sample.SampleSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code sample-data}: writes realistic flow-log objects in the AWS key layout, as gzip'd text or
 * as Parquet in AWS's schema.
 */
@Command(
    name = "sample-data",
    mixinStandardHelpOptions = true,
    description = {
      "Writes realistic v2 flow-log objects (AWS key layout; .log.gz text, or .log.parquet with "
          + "--format parquet) for demos, tests and "
          + "benchmarks: skewed conversations that repeat across objects, both directions, "
          + "ACCEPT/REJECT, a few NODATA records.",
      "Target: --dir, or else the configured VPC_FLOW_LOGS_BUCKET (or the embedded S3 server)."
    })
final class SampleDataCommand implements Callable<Integer> {
  @ParentCommand DigesterdCommand parent;

  @Option(names = "--dir", description = "Write files under this directory instead of a bucket.")
  Path dir;

  @Option(
      names = "--from",
      description = "Time stamp of the first objects, RFC 3339 (default: 3 hours ago).")
  String from;

  @Option(
      names = "--hours",
      defaultValue = "3",
      description = "Hours of logs to write (default: ${DEFAULT-VALUE}).")
  int hours;

  @Option(
      names = "--accounts",
      defaultValue = "2",
      description = "Number of accounts (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(
      names = "--regions",
      defaultValue = "us-east-1,eu-west-1",
      split = ",",
      description = "Regions (default: ${DEFAULT-VALUE}).")
  List<String> regions;

  @Option(
      names = "--records-per-object",
      defaultValue = "2000",
      description = "Records per object (default: ${DEFAULT-VALUE}).")
  int recordsPerObject;

  @Option(
      names = "--conversations",
      defaultValue = "5000",
      description = "Distinct conversations per account and region (default: ${DEFAULT-VALUE}).")
  int conversations;

  @Option(
      names = "--layouts",
      defaultValue = "PLAIN,HIVE",
      split = ",",
      description =
          "Key layouts, used in turn by account: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  List<KeyLayout> layouts;

  @Option(names = "--hourly", description = "Add the hourly folder level.")
  boolean hourly;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--format",
      defaultValue = "text",
      converter = FormatConverter.class,
      description =
          "text (gzip'd .log.gz) or parquet (.log.parquet, AWS's column names and types, "
              + "GZIP pages) (default: ${DEFAULT-VALUE}).")
  ObjectFormat format;

  /** Reads {@code --format}: {@code text} or {@code parquet}, in any case. */
  static final class FormatConverter implements CommandLine.ITypeConverter<ObjectFormat> {
    @Override
    public ObjectFormat convert(String value) {
      return switch (value.toLowerCase(java.util.Locale.ROOT)) {
        case "text" -> ObjectFormat.TEXT;
        case "parquet" -> ObjectFormat.PARQUET;
        default ->
            throw new CommandLine.TypeConversionException(
                "'" + value + "' is not a format: text or parquet");
      };
    }
  }

  @Override
  public Integer call() throws Exception {
    Instant start =
        from != null
            ? Instant.parse(from)
            : Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hours));
    List<String> accountIds = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      accountIds.add(String.format("%012d", 111111111111L * (i % 9 + 1) + i / 9));
    }
    SampleSpec spec =
        new SampleSpec(
            start,
            Duration.ofHours(hours),
            Duration.ofMinutes(5),
            accountIds,
            regions,
            recordsPerObject,
            conversations,
            layouts,
            hourly,
            seed);
    long began = System.nanoTime();
    long records;
    String target;
    if (dir != null) {
      records = SampleFlowLogs.generate(spec, format, new DirectorySink(dir));
      target = dir.toAbsolutePath().toString();
    } else {
      ServiceConfig config = ServiceConfig.fromEnvironment(parent.environment());
      parent.startLogging(config.logging());
      try (Session session = Session.open(config, System.err);
          S3Client client =
              DigestOptionsFactory.s3Client(session.config(), BucketPurpose.FLOW_LOGS)) {
        StoreLocation logs =
            session.config().flowLogs().orElseThrow().withPrefix(session.config().flowLogsPrefix());
        if (!logs.isS3()) {
          records =
              SampleFlowLogs.generate(
                  spec, format, new DirectorySink(logs.directory().resolve(logs.keyPrefix())));
        } else {
          ObjectSink sink = new S3ObjectSink(client, logs.bucket(), logs.keyPrefix());
          records = SampleFlowLogs.generate(spec, format, sink);
        }
        target = logs.toString();
      }
    }
    System.out.printf(
        "wrote %d records in %d objects from %s to %s in %.1f s%n",
        records,
        spec.accounts().size() * spec.regions().size() * hours * 12,
        start,
        target,
        (System.nanoTime() - began) / 1e9);
    return 0;
  }
}
