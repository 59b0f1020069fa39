package io.vpcflow.digesterd.config;

import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.pipeline.DigestOptions;
import io.vpcflow.digesterd.pipeline.FlowLogOptions;
import io.vpcflow.digesterd.pipeline.OptionArgs;
import io.vpcflow.digesterd.s3.BucketPurpose;
import io.vpcflow.digesterd.s3.S3ClientFactory;
import io.vpcflow.digesterd.stream.StreamOptions;
import io.vpcflow.digesterd.window.DigestWindow;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.io.aws2.common.HttpClientConfiguration;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.PipelineOptionsValidator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Turns the service configuration and a window into the pipeline's options, and makes S3 clients
 * with the same settings (server-side encryption included, so that every object written, by the
 * pipeline or the service, is encrypted as configured). Extra Beam arguments ({@code --runner=...},
 * {@code --shards=...}) are applied first, so the configuration's values win for what it sets.
 *
 * <p>Each bucket's region and role travel in the options ({@link
 * io.vpcflow.digesterd.s3.BucketAccessOptions}) next to the base region and credentials, never as
 * ready-made role credentials: Beam can serialise only the base credentials for workers in other
 * JVMs, so every JVM (this one, Flink's workers) assumes the roles itself with {@link
 * S3ClientFactory}.
 */
public final class DigestOptionsFactory {
  private static final String RUNNER_ARG = "--runner=";

  private DigestOptionsFactory() {}

  /**
   * Options for digesting {@code window}.
   *
   * @param beamArgs extra {@code --name=value} pipeline arguments
   * @throws IllegalArgumentException when a Beam argument is unknown or invalid
   */
  public static DigestOptions create(
      ServiceConfig config, DigestWindow window, String... beamArgs) {
    DigestOptions options = configured(DigestOptions.class, config, beamArgs);
    if (Arrays.stream(beamArgs).noneMatch(a -> a.startsWith("--jobName"))) {
      // The name runners show (Flink's web UI and REST API): which digest a job builds.
      options.setJobName("digest-" + window.digestId());
    }
    options.setStart(window.start().toString());
    options.setStop(window.stop().toString());
    if (Arrays.stream(beamArgs).noneMatch(a -> a.startsWith("--shards"))) {
      options.setShards(config.readAhead().shards());
    }
    if (Arrays.stream(beamArgs).noneMatch(a -> a.startsWith("--foldMemoryMb"))) {
      options.setFoldMemoryMb(config.fold().foldMemoryMb());
    }
    if (Arrays.stream(beamArgs).noneMatch(a -> a.startsWith("--mergeRanges"))) {
      options.setMergeRanges(config.fold().mergeRanges());
    }
    if (Arrays.stream(beamArgs).noneMatch(a -> a.startsWith("--spillLocation"))) {
      options.setSpillLocation(config.fold().spillLocation());
    }
    return validated(DigestOptions.class, options);
  }

  /**
   * The stream's folder: {@code stream/} in {@code DIGEST_PROGRESS_BUCKET} when that is set, else
   * under the storage location. It holds the resume point {@code state.json} and the status
   * document {@code status.json} the API reads.
   */
  public static StoreLocation streamFolder(ServiceConfig config) {
    return config
        .server()
        .progress()
        .orElseGet(() -> config.storage().orElseThrow())
        .withPrefix("stream/");
  }

  /**
   * Options for the streaming pipeline ({@code DIGEST_STREAM_*}); its resume point is kept as
   * {@code state.json} in the {@link #streamFolder stream's folder} unless {@code --streamState} is
   * given (its status and other state then go next to that object).
   *
   * @param beamArgs extra {@code --name=value} pipeline arguments
   * @throws IllegalArgumentException when a Beam argument is unknown or invalid
   */
  public static StreamOptions stream(ServiceConfig config, String... beamArgs) {
    StreamOptions options = configured(StreamOptions.class, config, beamArgs);
    if (Arrays.stream(beamArgs).noneMatch(a -> a.startsWith("--jobName"))) {
      options.setJobName("digest-stream");
    }
    options.setStreamPoll(config.stream().poll());
    options.setStreamWindow(config.stream().windows().window());
    options.setStreamLateness(config.stream().windows().lateness());
    if (Arrays.stream(beamArgs).noneMatch(a -> a.startsWith("--streamState"))) {
      options.setStreamState(streamFolder(config).resolve("state.json"));
    }
    return validated(StreamOptions.class, options);
  }

  /**
   * {@code options}, checked against {@code type}'s rules (required values).
   *
   * @throws IllegalArgumentException naming what is missing
   */
  private static <T extends FlowLogOptions> T validated(Class<T> type, T options) {
    PipelineOptionsValidator.validate(type, options);
    return options;
  }

  private static <T extends FlowLogOptions> T configured(
      Class<T> type, ServiceConfig config, String... beamArgs) {
    if (namesFlinkRunner(beamArgs)) {
      PipelineOptionsFactory.register(FlinkPipelineOptions.class);
    }
    T options = OptionArgs.parse(type, beamArgs);
    applyS3(config, options);
    options.setFlowLogsBucket(config.flowLogs().orElseThrow().toString());
    options.setFlowLogsPrefix(config.flowLogsPrefix());
    options.setScanAccounts(config.scanAccounts());
    options.setScanRegions(config.scanRegions());
    options.setStorageBucket(config.storage().orElseThrow().toString());
    options.setProgressBucket(config.server().progress().map(StoreLocation::toString).orElse(""));
    options.setObjectSlackBefore(config.slackBefore());
    options.setObjectSlackAfter(config.slackAfter());
    options.setMaxLineBytes(config.maxLineBytes());
    options.setOnCorruptObject(config.onCorruptObject());
    options.setReadBufferBytes(config.readAhead().bufferBytes());
    DirectOptions direct = options.as(DirectOptions.class);
    if (Arrays.stream(beamArgs).noneMatch(a -> a.startsWith("--enforce"))) {
      direct.setEnforceImmutability(false);
      direct.setEnforceEncodability(false);
    }
    if (Arrays.stream(beamArgs).noneMatch(a -> a.startsWith("--targetParallelism"))) {
      // One DirectRunner worker per processor: an extra idle worker busy-polls watermarks and
      // takes a processor away from the readers.
      direct.setTargetParallelism(Runtime.getRuntime().availableProcessors());
    }
    return options;
  }

  /**
   * Whether the arguments leave the runner to Beam's default, the DirectRunner, or name it: the
   * pipeline then runs in this JVM only.
   */
  public static boolean choosesDirectRunner(List<String> beamArgs) {
    return runnerNames(beamArgs.stream())
        .allMatch(r -> r.equals("direct") || r.endsWith("directrunner"));
  }

  /**
   * Whether the arguments choose the Flink runner. The fat jar leaves Flink's options out of Beam's
   * registry (registering them costs every start-up ~0.3 s); they are registered when the runner is
   * Flink, so that {@code --flinkMaster=...} and its like parse.
   */
  private static boolean namesFlinkRunner(String... beamArgs) {
    return runnerNames(Arrays.stream(beamArgs)).anyMatch(r -> r.contains("flink"));
  }

  /** The values of the {@code --runner=} arguments among {@code beamArgs}, lower-cased. */
  private static Stream<String> runnerNames(Stream<String> beamArgs) {
    return beamArgs
        .filter(a -> a.startsWith(RUNNER_ARG))
        .map(a -> a.substring(RUNNER_ARG.length()).toLowerCase(Locale.ROOT));
  }

  /**
   * Whether the options' runner executes the pipeline's workers in other JVMs (a Flink cluster), so
   * that their progress must travel through {@link DigestOptions#getProgressLocation() progress
   * files}; false only for the DirectRunner and embedded Flink ({@code [local]}).
   */
  public static boolean workersElsewhere(DigestOptions options) {
    Class<?> runner = options.getRunner();
    if (runner == DirectRunner.class) {
      return false;
    }
    if (FlinkRunner.class.isAssignableFrom(runner)) {
      String master = options.as(FlinkPipelineOptions.class).getFlinkMaster();
      return !master.equals("[local]");
    }
    return true;
  }

  /**
   * A client of {@code bucket} with the configuration's S3 settings: the bucket's region and role
   * (close it).
   */
  public static S3Client s3Client(ServiceConfig config, BucketPurpose bucket) {
    FlowLogOptions options = PipelineOptionsFactory.create().as(FlowLogOptions.class);
    applyS3(config, options);
    return S3ClientFactory.client(options, bucket);
  }

  /**
   * Base region, endpoint, base credentials, each bucket's region and role, client factory and
   * server-side encryption.
   */
  private static void applyS3(ServiceConfig config, FlowLogOptions options) {
    AwsSettings aws = config.aws();
    options.setAwsRegion(Region.of(aws.region()));
    aws.endpoint().ifPresent(options::setEndpoint);
    options.setAwsCredentialsProvider(credentials(aws));
    options.setFlowLogsRegion(aws.flowLogs().region());
    options.setFlowLogsRole(aws.flowLogs().role().orElse(""));
    options.setStorageRegion(aws.storage().region());
    options.setStorageRole(aws.storage().role().orElse(""));
    options.setProgressRegion(aws.progress().region());
    options.setProgressRole(aws.progress().role().orElse(""));
    options.setStsEndpoint(aws.stsEndpoint().map(URI::toString).orElse(""));
    options.setS3ClientFactoryClass(S3ClientFactory.class);
    config.encryption().algorithm().ifPresent(options::setSSEAlgorithm);
    config.encryption().kmsKeyId().ifPresent(options::setSSEKMSKeyId);
    S3ClientSettings s3 = aws.s3Client();
    options.setS3MaxAttempts(s3.maxAttempts());
    options.setS3MaxBackoffMillis(s3.maxBackoff().toMillis());
    options.setHttpClientConfiguration(
        HttpClientConfiguration.builder()
            .connectionTimeout((int) s3.connectTimeout().toMillis())
            .socketTimeout((int) s3.socketTimeout().toMillis())
            .build());
  }

  /**
   * The base credentials: what every bucket without a role is reached with, and what assumes the
   * roles ({@link S3ClientFactory} does that, in every JVM of a run, from the options).
   */
  private static AwsCredentialsProvider credentials(AwsSettings aws) {
    // The SDK reads this property wherever profiles are resolved, also in options that Beam
    // serialised and restored (which keep only the profile's name).
    aws.credentialsFile().ifPresent(file -> System.setProperty("aws.sharedCredentialsFile", file));
    if (aws.useIam()) {
      return DefaultCredentialsProvider.create();
    } else if (aws.accessKeyId().isPresent()) {
      return StaticCredentialsProvider.create(
          aws.sessionToken().isPresent()
              ? AwsSessionCredentials.create(
                  aws.accessKeyId().get(),
                  aws.secretAccessKey().orElseThrow(),
                  aws.sessionToken().get())
              : AwsBasicCredentials.create(
                  aws.accessKeyId().get(), aws.secretAccessKey().orElseThrow()));
    } else if (aws.credentialsProfile().isPresent()) {
      return ProfileCredentialsProvider.create(aws.credentialsProfile().get());
    }
    return DefaultCredentialsProvider.create();
  }
}
