package io.vpcflow.digesterd.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.sample.SampleFlowLogs;
import io.vpcflow.digesterd.sample.SampleSpec;
import io.vpcflow.digesterd.service.DigesterdService;
import io.vpcflow.digesterd.testing.Eventually;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.OracleDigest;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The upstream's real consumer, vpcflow-grapherd, played against the server on s3proxy: it POSTs
 * windows written with Go's {@code time.RFC3339Nano} (fractions, offsets), accepts only 202 or 409,
 * then polls GET accepting only 200 (a gzip'd digest) or 204 and fails on anything else, 404
 * included, and reads each line by position: split on one space, 14 fields, version {@code 2},
 * log-status {@code ok} once lower-cased. The logs are version 2, the format grapherd knows.
 */
class GrapherdContractTest {
  /**
   * One window, [2024-04-01T00:00Z, 01:00Z), as Go's RFC3339Nano writes it with fractions and from
   * other zones (the service truncates to the minute).
   */
  private static final List<String[]> WINDOWS =
      List.of(
          new String[] {"2024-04-01T00:00:00.5Z", "2024-04-01T01:00:00.999999999Z"},
          new String[] {"2024-04-01T02:00:00+02:00", "2024-03-31T20:00:00.25-05:00"});

  private static String query(String[] window) {
    return "/?start="
        + URLEncoder.encode(window[0], StandardCharsets.UTF_8)
        + "&stop="
        + URLEncoder.encode(window[1], StandardCharsets.UTF_8);
  }

  @Test
  void grapherdsRequestsPollingAndLineReadingWork() throws Exception {
    try (EmbeddedS3Server s3 = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(s3)) {
      S3Fixture.createBuckets(client, "v2-logs", ServerEnv.DIGESTS, ServerEnv.PROGRESS);
      OracleDigest oracle =
          new OracleDigest(
              Instant.parse("2024-04-01T00:00:00Z").getEpochSecond(),
              Instant.parse("2024-04-01T01:00:00Z").getEpochSecond());
      S3ObjectSink upload = new S3ObjectSink(client, "v2-logs", "");
      SampleFlowLogs.generate(
          SampleSpec.small(Instant.parse("2024-03-31T23:30:00Z"), Duration.ofHours(2)),
          (key, bytes) -> {
            oracle.add(Gzip.gunzip(bytes));
            upload.put(key, bytes);
          });
      ServiceConfig config = ServiceConfig.forServer(ServerEnv.of(s3, "v2-logs", Map.of()));
      try (DigesterdService service = DigesterdService.builder(config).start()) {
        Api api = new Api(service.uri());
        for (String[] window : WINDOWS) {
          int created = api.post(query(window)).statusCode();
          assertTrue(
              created == 202 || created == 409, "grapherd accepts 202 or 409 only, got " + created);
        }
        for (String[] window : WINDOWS) {
          String digest = poll(api, query(window));
          assertEquals(oracle.text(), digest);
          String[] lines = digest.split("\n");
          assertTrue(lines.length > 0);
          for (String line : lines) {
            String[] fields = line.split(" ");
            assertEquals(14, fields.length, line);
            assertEquals("2", fields[0], line);
            assertEquals("ok", fields[13].toLowerCase(Locale.ROOT), line);
            Long.parseLong(fields[8]);
            Long.parseLong(fields[9]);
          }
        }
      }
    }
  }

  /** Polls like grapherd: 204 means wait, 200 is the gzip'd digest, anything else is a failure. */
  private static String poll(Api api, String query) throws Exception {
    HttpResponse<byte[]> answer =
        Eventually.value(
            () -> api.get(query),
            response -> response.statusCode() != 204,
            Duration.ofMinutes(2),
            "the digest is ready");
    if (answer.statusCode() != 200) {
      fail("grapherd fails on " + answer.statusCode() + ": " + Api.text(answer));
    }
    return Gzip.gunzip(answer.body());
  }
}
