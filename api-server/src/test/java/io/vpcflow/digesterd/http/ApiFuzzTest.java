package io.vpcflow.digesterd.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.Buckets;
import io.vpcflow.digesterd.apitesting.FuzzRequests;
import io.vpcflow.digesterd.apitesting.RawHttp;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.service.DigesterdService;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Random requests for a bounded time against a real server (fixed seed, printed; another with
 * {@code -Ddigesterd.fuzz.seed=N}): no answer is an internal error or a dependency failure, every
 * refusal is a JSON {@code {"message"}} with a Content-Type, every object written is keyed by a
 * digest id only, and the server is healthy afterwards.
 */
class ApiFuzzTest {
  private static final long SECONDS = 6;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern OBJECT_KEY =
      Pattern.compile(
          "(digests|progress)/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[A-Za-z0-9._-]*");

  @Test
  void randomRequestsNeverBreakTheServer() throws Exception {
    long seed = Long.getLong("digesterd.fuzz.seed", 20240501L);
    System.out.println(
        "ApiFuzzTest seed " + seed + " (repeat or vary with -Ddigesterd.fuzz.seed=N)");
    try (EmbeddedS3Server s3 = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(s3)) {
      ServerEnv.createBuckets(client, "fuzz-logs");
      try (DigesterdService service =
          DigesterdService.builder(ServiceConfig.forServer(ServerEnv.of(s3, "fuzz-logs", Map.of())))
              .start()) {
        RawHttp http = new RawHttp(service.port());
        FuzzRequests requests = new FuzzRequests(seed);
        Map<Integer, Integer> statuses = new TreeMap<>();
        int unanswered = 0;
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        int n = 0;
        for (; System.nanoTime() < deadline; n++) {
          byte[] request = requests.next();
          Optional<RawHttp.Answer> answer = http.sendRaw(request);
          if (answer.isEmpty()) {
            unanswered++;
            continue;
          }
          statuses.merge(answer.get().status(), 1, Integer::sum);
          check(
              answer.get(),
              abbreviate(request).startsWith("HEAD "),
              "seed " + seed + ", request " + n + ": " + abbreviate(request));
        }
        System.out.println(
            "ApiFuzzTest: "
                + n
                + " requests, answers by status "
                + statuses
                + ", "
                + unanswered
                + " closed unanswered");
        assertTrue(n > 100, "only " + n + " requests in " + SECONDS + " s");
        assertEquals(200, new Api(service.uri()).get("/healthcheck").statusCode());
        for (String key : Buckets.keys(client, ServerEnv.DIGESTS, ServerEnv.PROGRESS)) {
          assertTrue(
              OBJECT_KEY.matcher(key).matches(), "object key not derived from a digest id: " + key);
        }
      }
    }
  }

  private static void check(RawHttp.Answer answer, boolean head, String request)
      throws IOException {
    int status = answer.status();
    assertTrue(status != 500 && status != 503, status + " for " + request + " -> " + answer.text());
    assertTrue(answer.header("Content-Type").isPresent(), "no Content-Type for " + request);
    if (status >= 400 && !head) {
      JsonNode body = JSON.readTree(answer.body());
      assertTrue(
          body != null && body.path("message").isTextual(), request + " -> " + answer.text());
    }
  }

  private static String abbreviate(byte[] request) {
    String text = new String(request, StandardCharsets.ISO_8859_1);
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
