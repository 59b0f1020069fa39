package io.vpcflow.digesterd.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.Buckets;
import io.vpcflow.digesterd.apitesting.RawHttp;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.service.DigesterdService;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.HandFixture;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code DIGESTERD_AUTH_TOKEN} over real HTTP: every route but {@code GET /healthcheck} answers 401
 * without the token, and with it the whole flow works, including the event-bus queuer posting the
 * job to the worker route of the server itself (upstream's standalone set-up).
 */
class AuthenticationTest {
  private static final String TOKEN = "Zm9vYmFyLXRva2VuLWZvci10ZXN0cw";
  private static final String WINDOW = Api.window(HandFixture.START, HandFixture.STOP);
  private static final String JOB =
      "{\"id\":\""
          + HandFixture.DIGEST_ID
          + "\",\"start\":\""
          + HandFixture.START
          + "\",\"stop\":\""
          + HandFixture.STOP
          + "\"}";

  private static EmbeddedS3Server s3;
  private static S3Client client;
  private static DigesterdService service;

  @BeforeAll
  static void start() throws Exception {
    int port = ServerEnv.freePort();
    s3 = EmbeddedS3Server.inMemory();
    client = S3Fixture.client(s3);
    ServerEnv.createBuckets(client, "hand-logs");
    HandFixture.write(new S3ObjectSink(client, "hand-logs", ""));
    Map<String, String> extra = new HashMap<>();
    extra.put("DIGESTERD_AUTH_TOKEN", TOKEN);
    extra.put("RUNTIME_HTTPSERVER_ADDRESS", "127.0.0.1:" + port);
    extra.put("STREAM_APPLIANCE_ENDPOINT", "http://127.0.0.1:" + port);
    service =
        DigesterdService.builder(ServiceConfig.forServer(ServerEnv.of(s3, "hand-logs", extra)))
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
    client.close();
    s3.close();
  }

  @Test
  void everyRouteButTheHealthcheckAnswers401WithoutTheRightToken() throws Exception {
    RawHttp http = new RawHttp(service.port());
    String wrong = TOKEN.substring(0, TOKEN.length() - 1) + "x";
    List<String[]> requests =
        List.of(
            new String[] {"POST", "/" + WINDOW, ""},
            new String[] {"GET", "/" + WINDOW, ""},
            new String[] {"GET", "/status" + WINDOW, ""},
            new String[] {"GET", "/graph" + WINDOW, ""},
            new String[] {
              "GET",
              "/diff?previous_start=2019-01-01T00:00:00Z&previous_stop=2019-01-01T01:00:00Z"
                  + "&next_start=2019-01-01T01:00:00Z&next_stop=2019-01-01T02:00:00Z",
              ""
            },
            new String[] {"GET", "/query" + WINDOW + "&top=5", ""},
            new String[] {"GET", "/digests", ""},
            new String[] {"POST", "/digests/event", JOB},
            new String[] {"GET", "/api.yaml", ""},
            new String[] {"GET", "/no/such/route", ""},
            new String[] {"PUT", "/", ""},
            new String[] {"POST", "/healthcheck", ""});
    Set<String> before = Buckets.keys(client, ServerEnv.DIGESTS, ServerEnv.PROGRESS);
    for (String[] r : requests) {
      for (String authorization :
          Arrays.asList(
              null,
              "Bearer " + wrong,
              "Bearer " + TOKEN.substring(1),
              "Basic " + TOKEN,
              TOKEN,
              "Bearer")) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        if (authorization != null) {
          headers.put("Authorization", authorization);
        }
        RawHttp.Answer answer =
            http.send(r[0], r[1], headers, r[2].getBytes(StandardCharsets.UTF_8));
        String what = r[0] + " " + r[1] + " with " + authorization;
        assertEquals(401, answer.status(), what + " -> " + answer.text());
        assertEquals("{\"message\":\"unauthorized\"}", answer.text(), what);
        assertEquals("Bearer", answer.header("WWW-Authenticate").orElse(""), what);
        assertEquals("application/json", answer.header("Content-Type").orElse(""), what);
      }
    }
    assertEquals(before, Buckets.keys(client, ServerEnv.DIGESTS, ServerEnv.PROGRESS));
    assertEquals(200, new Api(service.uri()).get("/healthcheck").statusCode());
  }

  @Test
  void withTheTokenADigestIsQueuedThroughTheWorkerRouteOfTheServerItselfAndServed()
      throws Exception {
    Api api = new Api(service.uri(), "Bearer " + TOKEN);
    HttpResponse<byte[]> created = api.post("/" + WINDOW);
    assertEquals(202, created.statusCode(), Api.text(created));
    HttpResponse<byte[]> digest = api.awaitNot204("/" + WINDOW, Duration.ofMinutes(2));
    assertEquals(200, digest.statusCode(), Api.text(digest));
    assertEquals(HandFixture.EXPECTED_DIGEST, Gzip.gunzip(digest.body()));
    assertEquals(200, api.get("/status" + WINDOW).statusCode());
    assertEquals(200, new Api(service.uri(), "bearer " + TOKEN).get("/api.yaml").statusCode());
  }
}
