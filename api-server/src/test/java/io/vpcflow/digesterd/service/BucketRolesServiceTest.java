package io.vpcflow.digesterd.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.testing.BucketRoles;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.HandFixture;
import io.vpcflow.digesterd.testing.SignedRequests;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The server with a region and a role per bucket, end to end over the wire (see {@link
 * BucketRoles}): its marker store writes markers as the progress bucket's role, its digest store
 * reads summaries and digests as the storage bucket's role, and the pipeline it launches reads flow
 * logs and writes the digest as theirs; each signing for its bucket's region. Answers show {@code
 * s3://} URIs only.
 */
class BucketRolesServiceTest {
  @Test
  void markersDigestsAndFlowLogsAreEachReachedWithTheirOwnRoleAndRegion() throws Exception {
    try (BucketRoles roles = BucketRoles.start("srv-logs", "srv-digests", "srv-progress");
        S3Client admin = roles.admin()) {
      HandFixture.write(new S3ObjectSink(admin, "srv-logs", ""));
      Map<String, String> env = roles.env();
      env.put("RUNTIME_HTTPSERVER_ADDRESS", "127.0.0.1:0");
      env.put("DIGEST_MAX_WINDOW", "P1D");
      String window = Api.window(HandFixture.START, HandFixture.STOP);
      String status;
      try (DigesterdService service =
          DigesterdService.builder(ServiceConfig.forServer(env)).start()) {
        Api api = new Api(service.uri());
        assertEquals(404, api.get("/" + window).statusCode(), "a window never requested");
        assertEquals(202, api.post("/" + window).statusCode());
        HttpResponse<byte[]> digest = api.awaitNot204("/" + window, Duration.ofMinutes(2));
        assertEquals(200, digest.statusCode(), Api.text(digest));
        assertEquals(HandFixture.EXPECTED_DIGEST, Gzip.gunzip(digest.body()));
        status = Api.text(api.get("/status" + window));
      }

      assertTrue(status.contains("\"state\":\"done\""), status);
      assertTrue(status.contains("s3://srv-digests/" + HandFixture.DIGEST_ID + ".log.gz"), status);
      assertFalse(status.contains("s3+"), status);
      SignedRequests requests = roles.requests();
      assertEquals(
          roles.expectedSigners(),
          requests.signersByBucket(),
          "who signed for which region, by bucket");
      assertTrue(
          keys(requests, "srv-progress").contains(HandFixture.DIGEST_ID + "_in_progress"),
          "the marker");
      assertTrue(
          requests.to("srv-progress").stream().anyMatch(r -> r.method().equals("PUT")),
          "markers written as the progress role");
      assertTrue(
          requests.to("srv-digests").stream()
              .anyMatch(
                  r ->
                      r.method().equals("GET")
                          && r.key().equals(HandFixture.DIGEST_ID + ".log.gz")),
          "the digest served by the digest store as the storage role");
      assertTrue(
          requests.to("srv-logs").stream().anyMatch(r -> r.method().equals("GET")),
          "flow logs read");
    }
  }

  private static Set<String> keys(SignedRequests requests, String bucket) {
    return requests.to(bucket).stream()
        .map(SignedRequests.Request::key)
        .collect(Collectors.toSet());
  }
}
