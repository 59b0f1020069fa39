package io.vpcflow.digesterd.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Upstream's standalone set-up, which upstream itself broke: {@code STREAM_APPLIANCE_ENDPOINT} is
 * the server's own address, so POST / queues the job over HTTP to the server's worker route, which
 * answers 202 (accepted as success) and builds the digest.
 */
class EventBusQueueTest {
  private static final String WINDOW = Api.window(HandFixture.START, HandFixture.STOP);

  @Test
  void theHttpQueuerDeliversTheJobToTheWorkerRouteOfTheServerItself() throws Exception {
    int port = ServerEnv.freePort();
    try (EmbeddedS3Server s3 = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(s3)) {
      S3Fixture.createBuckets(client, "hand-logs", ServerEnv.DIGESTS, ServerEnv.PROGRESS);
      HandFixture.write(new S3ObjectSink(client, "hand-logs", ""));
      ServiceConfig config =
          ServiceConfig.forServer(
              ServerEnv.of(
                  s3,
                  "hand-logs",
                  Map.of(
                      "RUNTIME_HTTPSERVER_ADDRESS", "127.0.0.1:" + port,
                      "STREAM_APPLIANCE_ENDPOINT", "http://127.0.0.1:" + port,
                      "STREAM_APPLIANCE_TOPIC", "digest-queue")));
      try (DigesterdService service = DigesterdService.builder(config).start()) {
        Api api = new Api(service.uri());
        HttpResponse<byte[]> created = api.post("/" + WINDOW);
        assertEquals(202, created.statusCode(), Api.text(created));
        HttpResponse<byte[]> digest = api.awaitNot204("/" + WINDOW, Duration.ofMinutes(2));
        assertEquals(200, digest.statusCode(), Api.text(digest));
        assertEquals(HandFixture.EXPECTED_DIGEST, Gzip.gunzip(digest.body()));
      }
    }
  }
}
