package io.vpcflow.digesterd.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.service.DigesterdService;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.HandFixture;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A digest that fails for real (its flow-log bucket does not exist yet) is reported failed with the
 * reason, and a new POST retries it once the cause is fixed.
 */
class FailedDigestTest {
  private static final String WINDOW = Api.window(HandFixture.START, HandFixture.STOP);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aFailedDigestIsReportedWithItsReasonAndANewPostRetriesIt() throws Exception {
    try (EmbeddedS3Server s3 = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(s3)) {
      S3Fixture.createBuckets(client, ServerEnv.DIGESTS, ServerEnv.PROGRESS);
      ServiceConfig config = ServiceConfig.forServer(ServerEnv.of(s3, "late-logs", Map.of()));
      try (DigesterdService service = DigesterdService.builder(config).start()) {
        Api api = new Api(service.uri());
        assertEquals(202, api.post("/" + WINDOW).statusCode());

        HttpResponse<byte[]> failed = api.awaitNot204("/" + WINDOW, Duration.ofMinutes(1));
        assertEquals(424, failed.statusCode(), Api.text(failed));
        assertEquals("application/json", Api.contentType(failed));
        String message = JSON.readTree(failed.body()).get("message").asText();
        assertTrue(
            message.contains("failed") && message.contains("bucket does not exist"), message);
        JsonNode status = JSON.readTree(api.get("/status" + WINDOW).body());
        assertEquals("failed", status.get("state").asText());
        assertTrue(
            status.get("reason").asText().contains("bucket does not exist"), status.toString());
        assertEquals(1, status.get("attempt").asInt());
        assertEquals("failed", status.get("summary").get("state").asText());
        JsonNode stored =
            JSON.readTree(
                S3Fixture.get(client, ServerEnv.DIGESTS, HandFixture.DIGEST_ID + ".json"));
        assertEquals(
            "failed", stored.get("state").asText(), "the failure is recorded in <id>.json");
        assertTrue(
            stored.get("reason").asText().contains("bucket does not exist"), stored.toString());
        assertEquals(HandFixture.START, stored.get("start").asText());

        client.createBucket(b -> b.bucket("late-logs"));
        HandFixture.write(new S3ObjectSink(client, "late-logs", ""));
        assertEquals(202, api.post("/" + WINDOW).statusCode());
        HttpResponse<byte[]> digest = api.awaitNot204("/" + WINDOW, Duration.ofMinutes(2));
        assertEquals(200, digest.statusCode(), Api.text(digest));
        assertEquals(HandFixture.EXPECTED_DIGEST, Gzip.gunzip(digest.body()));
        assertEquals(2, JSON.readTree(api.get("/status" + WINDOW).body()).get("attempt").asInt());
        JsonNode done =
            JSON.readTree(
                S3Fixture.get(client, ServerEnv.DIGESTS, HandFixture.DIGEST_ID + ".json"));
        assertEquals(
            "done", done.get("state").asText(), "the built digest's summary replaces the failure");
      }
    }
  }
}
