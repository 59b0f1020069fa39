package io.vpcflow.digesterd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.s3.BucketPurpose;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each bucket's region and role ({@code *_REGION}, {@code *_ROLE}) as {@link ServiceConfig} reads
 * them.
 */
class BucketAccessTest {
  private static final String FLOW_ROLE = "arn:aws:iam::111122223333:role/flowlogs-reader";
  private static final String STORAGE_ROLE =
      "arn:aws-us-gov:iam::444455556666:role/path/to/digests-writer";
  private static final String PROGRESS_ROLE =
      "arn:aws:iam::111122223333:role/progress_writer+1@x.y=z,w";

  private static Map<String, String> buckets(String... more) {
    Map<String, String> env = new HashMap<>();
    env.put("VPC_FLOW_LOGS_BUCKET", "s3://logs");
    env.put("DIGEST_STORAGE_BUCKET", "s3://digests");
    env.put("DIGEST_PROGRESS_BUCKET", "s3://progress");
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  @Test
  void eachBucketHasItsOwnRegionAndRole() {
    AwsSettings aws =
        ServiceConfig.forServer(
                buckets(
                    "AWS_REGION",
                    "ca-central-1",
                    "VPC_FLOW_LOGS_REGION",
                    "eu-west-1",
                    "VPC_FLOW_LOGS_ROLE",
                    FLOW_ROLE,
                    "DIGEST_STORAGE_REGION",
                    "us-gov-west-1",
                    "DIGEST_STORAGE_ROLE",
                    STORAGE_ROLE,
                    "DIGEST_PROGRESS_ROLE",
                    PROGRESS_ROLE))
            .aws();
    assertEquals("ca-central-1", aws.region());
    assertEquals(
        new BucketAccess("eu-west-1", Optional.of(FLOW_ROLE)), aws.access(BucketPurpose.FLOW_LOGS));
    assertEquals(
        new BucketAccess("us-gov-west-1", Optional.of(STORAGE_ROLE)),
        aws.access(BucketPurpose.STORAGE));
    assertEquals(
        new BucketAccess("ca-central-1", Optional.of(PROGRESS_ROLE)),
        aws.access(BucketPurpose.PROGRESS),
        "a bucket without its own region uses AWS_REGION");
  }

  @Test
  void aStorageRoleOtherThanTheFlowLogsRoleIsAccepted() {
    AwsSettings aws =
        ServiceConfig.fromEnvironment(buckets("DIGEST_STORAGE_ROLE", STORAGE_ROLE)).aws();
    assertEquals(Optional.empty(), aws.flowLogs().role(), "flow logs with the base credentials");
    assertEquals(Optional.of(STORAGE_ROLE), aws.storage().role());
  }

  @Test
  void withoutTheirOwnValuesBucketsUseTheBaseRegionAndCredentials() {
    AwsSettings fromDefault =
        ServiceConfig.fromEnvironment(buckets("AWS_DEFAULT_REGION", "eu-north-1")).aws();
    AwsSettings none = ServiceConfig.fromEnvironment(buckets()).aws();
    for (BucketPurpose bucket : BucketPurpose.values()) {
      assertEquals(BucketAccess.of("eu-north-1"), fromDefault.access(bucket), bucket.name());
      assertEquals(BucketAccess.of("us-east-1"), none.access(bucket), bucket.name());
    }
    AwsSettings both =
        ServiceConfig.fromEnvironment(
                buckets("AWS_REGION", "eu-south-2", "AWS_DEFAULT_REGION", "eu-north-1"))
            .aws();
    assertEquals("eu-south-2", both.region(), "AWS_REGION wins over AWS_DEFAULT_REGION");
  }

  @Test
  void malformedRolesAndRegionsAreReportedTogetherNamingTheirVariables() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ServiceConfig.fromEnvironment(
                    buckets(
                        "VPC_FLOW_LOGS_ROLE", "flowlogs-reader",
                        "DIGEST_STORAGE_ROLE", "arn:aws:iam::12345:role/too-short-an-account",
                        "DIGEST_PROGRESS_ROLE", "arn:aws:iam::111122223333:user/not-a-role",
                        "DIGEST_STORAGE_REGION", "EU_WEST_1",
                        "VPC_FLOW_LOGS_REGION", "eu west 1",
                        "AWS_REGION", "europe")));
    String all = String.join("\n", e.problems());
    assertEquals(6, e.problems().size(), all);
    for (String variable :
        new String[] {"VPC_FLOW_LOGS_ROLE", "DIGEST_STORAGE_ROLE", "DIGEST_PROGRESS_ROLE"}) {
      assertTrue(
          e.problems().stream()
              .anyMatch(
                  p ->
                      p.startsWith(
                          variable
                              + " must be the ARN of an IAM role, like arn:aws:iam::123456789012:role/NAME")),
          variable + " in:\n" + all);
    }
    assertTrue(all.contains("got 'flowlogs-reader'"), all);
    for (String variable :
        new String[] {"DIGEST_STORAGE_REGION", "VPC_FLOW_LOGS_REGION", "AWS_REGION"}) {
      assertTrue(
          e.problems().stream()
              .anyMatch(p -> p.startsWith(variable + " must be an AWS region like eu-west-1")),
          variable + " in:\n" + all);
    }
  }

  @Test
  void anS3CompatibleServerMayNameItsRegionFreelyButSensibly() {
    AwsSettings aws =
        ServiceConfig.fromEnvironment(
                buckets(
                    "AWS_ENDPOINT_URL",
                    "http://127.0.0.1:3900",
                    "AWS_REGION",
                    "garage",
                    "DIGEST_STORAGE_REGION",
                    "dc1-rack2"))
            .aws();
    assertEquals("garage", aws.flowLogs().region());
    assertEquals("dc1-rack2", aws.storage().region());
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ServiceConfig.fromEnvironment(
                    buckets(
                        "AWS_ENDPOINT_URL",
                        "http://127.0.0.1:3900",
                        "DIGEST_PROGRESS_REGION",
                        "Rack 2")));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(
        e.problems().get(0).startsWith("DIGEST_PROGRESS_REGION must be a region name"),
        e.getMessage());
  }

  @Test
  void rolesAreAssumedAtTheStsEndpointOfTheEnvironment() {
    assertEquals(
        Optional.empty(), ServiceConfig.fromEnvironment(buckets()).aws().stsEndpoint(), "AWS's");
    assertEquals(
        Optional.of(URI.create("http://127.0.0.1:4566")),
        ServiceConfig.fromEnvironment(buckets("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"))
            .aws()
            .stsEndpoint(),
        "AWS_ENDPOINT_URL serves every service");
    AwsSettings own =
        ServiceConfig.fromEnvironment(
                buckets(
                    "AWS_ENDPOINT_URL",
                    "http://127.0.0.1:4566",
                    "AWS_ENDPOINT_URL_STS",
                    "http://127.0.0.1:7000"))
            .aws();
    assertEquals(Optional.of(URI.create("http://127.0.0.1:7000")), own.stsEndpoint());
    assertEquals(Optional.of(URI.create("http://127.0.0.1:4566")), own.endpoint());
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ServiceConfig.fromEnvironment(buckets("AWS_ENDPOINT_URL_STS", "sts here")));
    assertTrue(
        e.problems().get(0).startsWith("AWS_ENDPOINT_URL_STS must be an absolute URL"),
        e.getMessage());
  }

  @Test
  void theSettingsShowRolesAndRegionsButNoSecret() {
    AwsSettings aws =
        ServiceConfig.fromEnvironment(
                buckets(
                    "AWS_ACCESS_KEY_ID", "AKIAEXAMPLEKEY",
                    "AWS_SECRET_ACCESS_KEY", "very-secret",
                    "DIGEST_STORAGE_REGION", "eu-west-3",
                    "DIGEST_STORAGE_ROLE", STORAGE_ROLE))
            .aws();
    String text = aws.toString();
    assertTrue(text.contains("storage=eu-west-3 as " + STORAGE_ROLE), text);
    assertTrue(text.contains("flow_logs=us-east-1"), text);
    assertFalse(text.contains("very-secret") || text.contains("AKIAEXAMPLEKEY"), text);
  }

  @Test
  void theUpstreamNamesOfEachBucketsRegionAndRoleAreReadToo() {
    AwsSettings aws =
        ServiceConfig.forServer(
                buckets(
                    "VPC_FLOW_LOGS_BUCKET_REGION",
                    "eu-west-1",
                    "VPC_FLOW_LOGS_BUCKET_ROLE",
                    FLOW_ROLE,
                    "DIGEST_STORAGE_BUCKET_REGION",
                    "us-gov-west-1",
                    "DIGEST_STORAGE_BUCKET_ROLE",
                    STORAGE_ROLE,
                    "DIGEST_PROGRESS_BUCKET_REGION",
                    "eu-central-1",
                    "DIGEST_PROGRESS_BUCKET_ROLE",
                    PROGRESS_ROLE))
            .aws();
    assertEquals(
        new BucketAccess("eu-west-1", Optional.of(FLOW_ROLE)), aws.access(BucketPurpose.FLOW_LOGS));
    assertEquals(
        new BucketAccess("us-gov-west-1", Optional.of(STORAGE_ROLE)),
        aws.access(BucketPurpose.STORAGE));
    assertEquals(
        new BucketAccess("eu-central-1", Optional.of(PROGRESS_ROLE)),
        aws.access(BucketPurpose.PROGRESS));
  }

  @Test
  void bothSpellingsAgreeingAreAcceptedDifferingAreAProblemNamingBoth() {
    AwsSettings aws =
        ServiceConfig.forServer(
                buckets("VPC_FLOW_LOGS_BUCKET_ROLE", FLOW_ROLE, "VPC_FLOW_LOGS_ROLE", FLOW_ROLE))
            .aws();
    assertEquals(Optional.of(FLOW_ROLE), aws.access(BucketPurpose.FLOW_LOGS).role());
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ServiceConfig.forServer(
                    buckets(
                        "DIGEST_STORAGE_BUCKET_ROLE", STORAGE_ROLE,
                        "DIGEST_STORAGE_ROLE", FLOW_ROLE,
                        "DIGEST_STORAGE_BUCKET_REGION", "not a region!")));
    assertTrue(
        e.getMessage().contains("DIGEST_STORAGE_BUCKET_ROLE and DIGEST_STORAGE_ROLE"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("DIGEST_STORAGE_BUCKET_REGION must be an AWS region"),
        e.getMessage());
  }
}
