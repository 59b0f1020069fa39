package io.vpcflow.digesterd.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.Buckets;
import io.vpcflow.digesterd.apitesting.HostileRequests;
import io.vpcflow.digesterd.apitesting.RawHttp;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.service.DigesterdService;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Hostile input against a real server on a free loopback port, table-driven ({@link
 * HostileRequests}): each request gets the expected 4xx with a JSON {@code {"message"}} body and a
 * Content-Type, none of them creates an object in the digests or progress bucket (so no input text
 * can reach an S3 key), and the server stays healthy.
 */
class HostileInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static EmbeddedS3Server s3;
  private static S3Client client;
  private static DigesterdService service;
  private static RawHttp http;

  @BeforeAll
  static void start() throws Exception {
    s3 = EmbeddedS3Server.inMemory();
    client = S3Fixture.client(s3);
    ServerEnv.createBuckets(client, "hostile-logs");
    service =
        DigesterdService.builder(
                ServiceConfig.forServer(ServerEnv.of(s3, "hostile-logs", Map.of())))
            .start();
    http = new RawHttp(service.port());
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
    client.close();
    s3.close();
  }

  static Stream<HostileRequests.Case> cases() {
    return HostileRequests.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithAJsonMessageAndWritesNothing(HostileRequests.Case c) throws Exception {
    Set<String> before = Buckets.keys(client, ServerEnv.DIGESTS, ServerEnv.PROGRESS);
    RawHttp.Answer answer = http.send(c.request());
    assertEquals(c.status(), answer.status(), c.name() + " -> " + answer.text());
    assertJsonMessage(answer);
    assertEquals(
        before,
        Buckets.keys(client, ServerEnv.DIGESTS, ServerEnv.PROGRESS),
        "objects written by " + c.name());
    assertEquals(200, new Api(service.uri()).get("/healthcheck").statusCode());
  }

  static void assertJsonMessage(RawHttp.Answer answer) throws IOException {
    String type = answer.header("Content-Type").orElse("");
    assertTrue(type.startsWith("application/json"), "Content-Type " + type + ": " + answer.text());
    JsonNode body = JSON.readTree(answer.body());
    assertTrue(body != null && body.isObject() && body.path("message").isTextual(), answer.text());
  }
}
