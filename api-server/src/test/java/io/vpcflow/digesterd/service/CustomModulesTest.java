package io.vpcflow.digesterd.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.InMemoryDigestStore;
import io.vpcflow.digesterd.apitesting.InMemoryMarkerStore;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.apitesting.Summaries;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.marker.MarkerState;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.Eventually;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.HandFixture;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The service with custom modules from its builder: digests served from an in-memory store (fed by
 * {@code publish} after each pipeline run) and markers in memory; no progress bucket exists.
 */
class CustomModulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void servesDigestsFromACustomInMemoryStoreWithInMemoryMarkers() throws Exception {
    try (EmbeddedS3Server s3 = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(s3)) {
      S3Fixture.createBuckets(client, "hand-logs", ServerEnv.DIGESTS);
      HandFixture.write(new S3ObjectSink(client, "hand-logs", ""));
      InMemoryDigestStore digests = new InMemoryDigestStore();
      InMemoryMarkerStore markers = new InMemoryMarkerStore();
      DigestWindow seeded = DigestWindow.parse("2020-02-02T10:00:00Z", "2020-02-02T11:00:00Z");
      byte[] seededBytes = Gzip.gzip("a digest that only the custom store has\n");
      digests.put(seeded.digestId(), seededBytes, Summaries.of(seeded, 1, seededBytes.length));

      ServiceConfig config = ServiceConfig.forServer(ServerEnv.of(s3, "hand-logs", Map.of()));
      try (DigesterdService service =
          DigesterdService.builder(config).digestStore(digests).markerStore(markers).start()) {
        Api api = new Api(service.uri());
        String seededWindow = Api.window(seeded.start().toString(), seeded.stop().toString());
        HttpResponse<byte[]> fromMemory = api.get("/" + seededWindow);
        assertEquals(200, fromMemory.statusCode());
        assertArrayEquals(seededBytes, fromMemory.body());
        assertEquals(409, api.post("/" + seededWindow).statusCode());
        JsonNode status = JSON.readTree(api.get("/status" + seededWindow).body());
        assertEquals("done", status.get("state").asText());
        assertEquals("ByHand", status.get("runner").asText());

        String hand = Api.window(HandFixture.START, HandFixture.STOP);
        assertEquals(202, api.post("/" + hand).statusCode());
        HttpResponse<byte[]> built = api.awaitNot204("/" + hand, Duration.ofMinutes(2));
        assertEquals(200, built.statusCode(), Api.text(built));
        assertEquals(HandFixture.EXPECTED_DIGEST, Gzip.gunzip(built.body()));
        UUID id = UUID.fromString(HandFixture.DIGEST_ID);
        assertTrue(
            digests.bytes(id).isPresent(),
            "the pipeline's digest was published to the custom store");
        Eventually.until(
            () -> markers.get(id).state() != MarkerState.RUNNING,
            Duration.ofSeconds(30),
            "the marker is no longer running");
        assertEquals(MarkerState.DONE, markers.get(id).state());
      }
    }
  }
}
