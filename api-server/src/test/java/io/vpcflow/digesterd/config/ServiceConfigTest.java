package io.vpcflow.digesterd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.pipeline.CorruptObjectPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
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
}
