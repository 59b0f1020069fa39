package io.vpcflow.digesterd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.pipeline.DigestOptions;
import io.vpcflow.digesterd.s3.BucketPurpose;
import io.vpcflow.digesterd.stream.DigestStream;
import io.vpcflow.digesterd.stream.StreamOptions;
import io.vpcflow.digesterd.window.DigestWindow;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class DigestOptionsFactoryTest {
  private static final Map<String, String> BUCKETS =
      Map.of("VPC_FLOW_LOGS_BUCKET", "s3://logs", "DIGEST_STORAGE_BUCKET", "s3://digests/out/");

  @Test
  void theStreamKeepsItsResumePointInTheProgressBucket() {
    Map<String, String> env = new HashMap<>(BUCKETS);
    env.put("DIGEST_PROGRESS_BUCKET", "s3://progress/markers/");
    StreamOptions options = DigestOptionsFactory.stream(ServiceConfig.fromEnvironment(env));
    assertEquals("s3://progress/markers/stream/state.json", DigestStream.stateUri(options));
    assertEquals(
        DigestOptionsFactory.streamFolder(ServiceConfig.fromEnvironment(env))
            .resolve("status.json"),
        DigestStream.statusUri(options),
        "the API reads the status where the stream writes it");
  }

  @Test
  void withoutAProgressBucketTheResumePointIsKeptWithTheDigests() {
    StreamOptions options = DigestOptionsFactory.stream(ServiceConfig.fromEnvironment(BUCKETS));
    assertEquals("s3://digests/out/stream/state.json", DigestStream.stateUri(options));
    assertEquals("s3://digests/out/stream/status.json", DigestStream.statusUri(options));
    assertEquals(
        "s3://digests/out/stream/status.json",
        DigestOptionsFactory.streamFolder(ServiceConfig.fromEnvironment(BUCKETS))
            .resolve("status.json"));
  }

  @Test
  void theStreamsDurationsComeTypedFromTheConfiguration() {
    Map<String, String> env = new HashMap<>(BUCKETS);
    env.put("DIGEST_STREAM_POLL", "PT30S");
    env.put("DIGEST_STREAM_WINDOW", "PT10M");
    env.put("VPC_FLOW_LOGS_SLACK_AFTER", "PT25M");
    StreamOptions options = DigestOptionsFactory.stream(ServiceConfig.fromEnvironment(env));
    assertEquals(Duration.ofSeconds(30), options.getStreamPoll());
    assertEquals(Duration.ofMinutes(10), options.getStreamWindow());
    assertEquals(Duration.ofMinutes(25), options.getObjectSlackAfter());
  }

  @Test
  void aBadPipelineArgumentIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DigestOptionsFactory.stream(
                    ServiceConfig.fromEnvironment(BUCKETS), "--streamLateness=late"));
    assertTrue(e.getMessage().startsWith("invalid argument --streamLateness=late"), e.getMessage());
  }

  @Test
  void anExplicitStateLocationWins() {
    Map<String, String> env = new HashMap<>(BUCKETS);
    env.put("DIGEST_PROGRESS_BUCKET", "s3://progress");
    StreamOptions options =
        DigestOptionsFactory.stream(
            ServiceConfig.fromEnvironment(env), "--streamState=s3://elsewhere/state.json");
    assertEquals("s3://elsewhere/state.json", DigestStream.stateUri(options));
    assertEquals(
        "s3://elsewhere/status.json",
        DigestStream.statusUri(options),
        "the status goes next to it");
  }

  @Test
  void eachBucketsRegionAndRoleTravelInTheOptionsBesideTheBaseCredentials() {
    Map<String, String> env = new HashMap<>(BUCKETS);
    env.put("DIGEST_PROGRESS_BUCKET", "s3://progress/markers/");
    env.put("AWS_REGION", "ca-central-1");
    env.put("AWS_ACCESS_KEY_ID", "AKIABASE");
    env.put("AWS_SECRET_ACCESS_KEY", "base-secret");
    env.put("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:7000");
    env.put("VPC_FLOW_LOGS_REGION", "eu-west-1");
    env.put("VPC_FLOW_LOGS_ROLE", "arn:aws:iam::111122223333:role/reader");
    env.put("DIGEST_STORAGE_ROLE", "arn:aws:iam::111122223333:role/writer");
    env.put("DIGEST_PROGRESS_REGION", "us-west-2");
    DigestOptions options =
        DigestOptionsFactory.create(
            ServiceConfig.fromEnvironment(env),
            DigestWindow.parse("2019-01-01T00:00:00Z", "2019-01-01T01:00:00Z"),
            "--storageRole=arn:aws:iam::111122223333:role/ignored");

    assertEquals("ca-central-1", options.getAwsRegion().id());
    assertEquals(
        StaticCredentialsProvider.class,
        options.getAwsCredentialsProvider().getClass(),
        "the base credentials, not a role's");
    assertEquals(
        "AKIABASE", options.getAwsCredentialsProvider().resolveCredentials().accessKeyId());
    assertEquals("eu-west-1", options.getFlowLogsRegion());
    assertEquals("arn:aws:iam::111122223333:role/reader", options.getFlowLogsRole());
    assertEquals("ca-central-1", options.getStorageRegion());
    assertEquals(
        "arn:aws:iam::111122223333:role/writer",
        options.getStorageRole(),
        "the configuration wins");
    assertEquals("us-west-2", options.getProgressRegion());
    assertEquals("", options.getProgressRole());
    assertEquals("http://127.0.0.1:7000", options.getStsEndpoint());
    assertEquals("s3://progress/markers/", options.getProgressBucket());
    assertEquals(Region.of("us-west-2"), BucketPurpose.PROGRESS.region(options));
  }

  @Test
  void onlyArgumentsWithoutARunnerOrNamingTheDirectRunnerChooseIt() {
    assertTrue(DigestOptionsFactory.choosesDirectRunner(List.of()));
    assertTrue(DigestOptionsFactory.choosesDirectRunner(List.of("--shards=4")));
    assertTrue(DigestOptionsFactory.choosesDirectRunner(List.of("--runner=DirectRunner")));
    assertTrue(DigestOptionsFactory.choosesDirectRunner(List.of("--runner=direct")));
    assertTrue(
        DigestOptionsFactory.choosesDirectRunner(
            List.of("--runner=org.apache.beam.runners.direct.DirectRunner")));
    assertFalse(DigestOptionsFactory.choosesDirectRunner(List.of("--runner=FlinkRunner")));
    assertFalse(
        DigestOptionsFactory.choosesDirectRunner(
            List.of("--shards=4", "--runner=flink", "--flinkMaster=[local]")));
  }
}
