package io.vpcflow.digesterd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpcflow.digesterd.stream.DigestStream;
import io.vpcflow.digesterd.stream.StreamOptions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
        DigestOptionsFactory.streamFolder(ServiceConfig.fromEnvironment(env)).resolve("status.json"),
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
        DigestOptionsFactory.streamFolder(ServiceConfig.fromEnvironment(BUCKETS)).resolve("status.json"));
  }

  @Test
  void anExplicitStateLocationWins() {
    Map<String, String> env = new HashMap<>(BUCKETS);
    env.put("DIGEST_PROGRESS_BUCKET", "s3://progress");
    StreamOptions options =
        DigestOptionsFactory.stream(ServiceConfig.fromEnvironment(env), "--streamState=s3://elsewhere/state.json");
    assertEquals("s3://elsewhere/state.json", DigestStream.stateUri(options));
    assertEquals("s3://elsewhere/status.json", DigestStream.statusUri(options), "the status goes next to it");
  }
}
