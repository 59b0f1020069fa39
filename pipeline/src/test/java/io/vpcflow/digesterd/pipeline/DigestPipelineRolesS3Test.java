package io.vpcflow.digesterd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.testing.BucketRoles;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.HandFixture;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.testing.SignedRequests;
import io.vpcflow.digesterd.testing.StsStub;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.runners.core.construction.SerializablePipelineOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Each bucket with its own region and role, over the wire: the pipeline lists and reads the flow
 * logs, writes the digest and its summary, and writes, reads and deletes progress files, against an
 * S3 server that lets each bucket be used only with its own role's temporary credentials (handed
 * out by a local STS endpoint to the base credentials, which reach no bucket). A recording proxy
 * sees every request signed by the bucket's role for the bucket's region. The options are first
 * serialised and restored as Beam ships them to Flink workers, so the roles and regions travel in
 * the options.
 */
class DigestPipelineRolesS3Test {
  private static BucketRoles roles;
  private static S3Client admin;

  @BeforeAll
  static void start() throws Exception {
    roles = BucketRoles.start("role-logs", "role-digests", "role-progress");
    admin = roles.admin();
    HandFixture.write(new S3ObjectSink(admin, "role-logs", ""));
  }

  @AfterAll
  static void stop() throws Exception {
    admin.close();
    roles.close();
  }

  @Test
  void eachBucketIsReachedWithItsOwnRoleAndRegion() throws Exception {
    DigestOptions configured = roles.options();
    configured.setFlowLogsBucket("role-logs");
    configured.setStorageBucket("s3://role-digests/out/");
    configured.setProgressBucket("s3://role-progress/markers/");
    configured.setStart(HandFixture.START);
    configured.setStop(HandFixture.STOP);
    configured.setProgressKey("roles-test");
    configured.setProgressLocation("s3://role-progress/markers/roles-test.progress/");
    DigestOptions options = shippedToAWorker(configured);
    roles.requests().clear();

    var plan = DigestPipeline.plan(options);
    RunProgress progress =
        RunProgress.register("roles-test", plan.objects().size(), plan.totalBytes());
    DigestSummary summary;
    try {
      summary = DigestPipeline.run(options, plan);
    } finally {
      RunProgress.unregister("roles-test");
    }

    String digestKey = "out/" + HandFixture.DIGEST_ID + ".log.gz";
    assertEquals(
        HandFixture.EXPECTED_DIGEST, Gzip.gunzip(S3Fixture.get(admin, "role-digests", digestKey)));
    assertEquals("s3://role-digests/" + digestKey, summary.digest());
    String json =
        new String(
            S3Fixture.get(admin, "role-digests", "out/" + HandFixture.DIGEST_ID + ".json"),
            StandardCharsets.UTF_8);
    assertEquals("s3://role-digests/" + digestKey, DigestSummaryJson.read(json).digest());
    assertFalse(json.contains("s3+"), json);
    assertEquals(5, progress.objectsDone(), "progress came through the progress files");

    SignedRequests requests = roles.requests();
    assertEquals(
        roles.expectedSigners(),
        requests.signersByBucket(),
        "who signed for which region, by bucket");
    assertTrue(methods(requests, "role-logs").contains("GET"), "flow logs listed and read");
    assertTrue(
        methods(requests, "role-digests").containsAll(Set.of("PUT", "POST", "GET")),
        "digest uploaded, renamed, summary read");
    assertTrue(
        methods(requests, "role-progress").containsAll(Set.of("PUT", "GET")),
        "progress files written and read");
    assertEquals(
        List.of(),
        admin
            .listObjectsV2(b -> b.bucket("role-progress").prefix("markers/roles-test.progress/"))
            .contents(),
        "progress files removed");

    List<StsStub.Call> calls = roles.sts().calls();
    assertFalse(calls.isEmpty());
    for (StsStub.Call call : calls) {
      assertTrue(call.granted(), call.toString());
      assertEquals(
          BucketRoles.BASE_KEY, call.accessKeyId(), "roles are assumed with the base credentials");
      assertEquals(BucketRoles.BASE_REGION, call.region());
    }
    assertEquals(
        Set.of(BucketRoles.FLOW_LOGS_ROLE, BucketRoles.STORAGE_ROLE, BucketRoles.PROGRESS_ROLE),
        calls.stream().map(StsStub.Call::roleArn).collect(Collectors.toSet()));
  }

  private static Set<String> methods(SignedRequests requests, String bucket) {
    return requests.to(bucket).stream()
        .map(SignedRequests.Request::method)
        .collect(Collectors.toSet());
  }

  /** The options as a Flink worker gets them: serialised (JSON inside) and restored. */
  private static DigestOptions shippedToAWorker(DigestOptions options) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new SerializablePipelineOptions(options));
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return ((SerializablePipelineOptions) in.readObject()).get().as(DigestOptions.class);
    }
  }
}
