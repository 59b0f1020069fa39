package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.s3.EmbeddedS3Server;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.sample.SampleFlowLogs;
import io.vpcflow.digesterd.sample.SampleSpec;
import io.vpcflow.digesterd.service.DigesterdService;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.OracleDigest;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code serve} with {@code DIGEST_STREAMING=true}: the API and the stream in one process, so a
 * window the stream closed answers {@code GET} 200 without any POST, with the exact digest, and a
 * later POST of it answers 409.
 */
class ServeStreamingTest {
  @Test
  void aWindowTheStreamClosedIsServedWithoutAPostAndAPostOfItIsAConflict() throws Exception {
    long five = Duration.ofMinutes(5).getSeconds();
    Instant w0 = Instant.ofEpochSecond(Instant.now().getEpochSecond() / five * five).minus(Duration.ofMinutes(30));
    DigestWindow first = new DigestWindow(w0, w0.plus(Duration.ofMinutes(5)));
    List<String> texts = new ArrayList<>();
    try (EmbeddedS3Server s3 = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(s3)) {
      for (String bucket : List.of("logs", ServerEnv.DIGESTS, ServerEnv.PROGRESS)) {
        client.createBucket(b -> b.bucket(bucket));
      }
      S3ObjectSink upload = new S3ObjectSink(client, "logs", "");
      SampleFlowLogs.generate(
          new SampleSpec(
              w0.plus(Duration.ofMinutes(1)), Duration.ofMinutes(20), Duration.ofMinutes(1), List.of("777777777777"),
              List.of("us-east-1"), 60, 100, List.of(KeyLayout.PLAIN), false, 21),
          (key, bytes) -> {
            texts.add(Gzip.gunzip(bytes));
            upload.put(key, bytes);
          });
      Map<String, String> env = new HashMap<>(ServerEnv.of(s3, "logs", Map.of()));
      env.put("DIGEST_STREAMING", "true");
      env.put("DIGEST_STREAM_POLL", "PT0.5S");
      env.put("DIGEST_STREAM_WINDOW", "PT5M");
      env.put("DIGEST_STREAM_LATENESS", "PT2M");
      env.put("VPC_FLOW_LOGS_SLACK_BEFORE", "PT1M");
      env.put("VPC_FLOW_LOGS_SLACK_AFTER", "PT1M");
      env.put("RUNTIME_LOGGER_OUTPUT", "NULL");
      ServiceConfig config = ServiceConfig.forServer(env);
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      try (DigesterdService service = DigesterdService.builder(config).start();
          StreamRun stream = StreamRun.start(config, List.of("--streamFrom=" + w0), new PrintStream(err, true, StandardCharsets.UTF_8))) {
        Api api = new Api(service.uri());
        String query = "/" + Api.window(first.start().toString(), first.stop().toString());
        HttpResponse<byte[]> digest = api.get(query);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (digest.statusCode() != 200 && System.nanoTime() < deadline) {
          assertEquals(404, digest.statusCode(), "never requested, until the stream writes it: " + Api.text(digest));
          Thread.sleep(200);
          digest = api.get(query);
        }
        assertEquals(200, digest.statusCode(), Api.text(digest) + err.toString(StandardCharsets.UTF_8));
        OracleDigest oracle = new OracleDigest(first.startEpochSecond(), first.stopEpochSecond());
        texts.forEach(oracle::add);
        assertTrue(oracle.keys() > 10, "a window of many keys: " + oracle.keys());
        assertEquals(oracle.text(), Gzip.gunzip(digest.body()));
        assertEquals(409, api.post(query).statusCode(), "a POST of a streamed window finds it built");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("streaming: watching"), err.toString(StandardCharsets.UTF_8));
      }
    }
  }
}
