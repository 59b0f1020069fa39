package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.stream.StreamFixture.LogObject;
import io.vpcflow.digesterd.testing.BucketRoles;
import io.vpcflow.digesterd.testing.Eventually;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.testing.SignedRequests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The stream with each bucket behind its own role and region (see {@link BucketRoles}): it polls
 * the flow-log bucket, writes a window's digest to the storage bucket and its resume point to the
 * progress bucket, each request signed by the bucket's role for the bucket's region.
 */
class DigestStreamRolesS3Test {
  private static final String LOGS = "stream-role-logs";
  private static final String DIGESTS = "stream-role-digests";
  private static final String PROGRESS = "stream-role-progress";

  private static BucketRoles roles;
  private static S3Client admin;

  @BeforeAll
  static void start() throws Exception {
    roles = BucketRoles.start(LOGS, DIGESTS, PROGRESS);
    admin = roles.admin();
  }

  @AfterAll
  static void stop() throws Exception {
    admin.close();
    roles.close();
  }

  @Test
  void theStreamReachesEachBucketWithItsOwnRoleAndRegion() throws Exception {
    Instant w0 = StreamFixture.firstWindow();
    StreamOptions options = StreamFixture.options(roles.options(), LOGS, DIGESTS, w0);
    options.setProgressBucket("s3://" + PROGRESS + "/markers/");
    options.setStreamState("s3://" + PROGRESS + "/markers/stream/state.json");
    String summaryKey = StreamFixture.id(w0, 0) + ".json";

    PipelineResult stream = DigestStream.run(options);
    try {
      for (LogObject o :
          StreamFixture.objects(w0, "333333333333", 5).stream()
              .filter(o -> !o.stamp().isAfter(w0.plus(Duration.ofMinutes(10))))
              .sorted(Comparator.comparing(LogObject::stamp))
              .toList()) {
        admin.putObject(b -> b.bucket(LOGS).key(o.key()), RequestBody.fromBytes(o.bytes()));
      }
      Eventually.until(
          () ->
              StreamFixture.exists(admin, DIGESTS, summaryKey)
                  && StreamFixture.exists(admin, PROGRESS, "markers/stream/state.json"),
          Duration.ofSeconds(60),
          "window 0 is digested and the resume point stored in the progress bucket");
    } finally {
      stream.cancel();
    }

    String json = new String(S3Fixture.get(admin, DIGESTS, summaryKey), StandardCharsets.UTF_8);
    assertEquals(
        "s3://" + DIGESTS + "/" + StreamFixture.id(w0, 0) + ".log.gz",
        DigestSummaryJson.read(json).digest());
    assertFalse(json.contains("s3+"), json);
    SignedRequests requests = roles.requests();
    assertEquals(
        roles.expectedSigners(),
        requests.signersByBucket(),
        "who signed for which region, by bucket");
    assertTrue(methods(requests, DIGESTS).contains("PUT"), "the digest is written");
    assertTrue(methods(requests, PROGRESS).contains("PUT"), "the resume point is written");
  }

  private static Set<String> methods(SignedRequests requests, String bucket) {
    return requests.to(bucket).stream()
        .map(SignedRequests.Request::method)
        .collect(Collectors.toSet());
  }
}
