package io.vpcflow.digesterd.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.GatedBuilder;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.launch.PipelineDigestBuilder;
import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.sample.SampleFlowLogs;
import io.vpcflow.digesterd.sample.SampleSpec;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.OracleDigest;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Many clients POSTing and GETting overlapping windows at once, for a bounded time, against a real
 * server, real S3 and the real pipeline: each window is built by exactly one pipeline run, every
 * answer is one the API promises (no 5xx), nothing deadlocks, and every digest served is exact.
 */
class ConcurrentClientsTest {
  private static final Instant DAY = Instant.parse("2024-04-01T00:00:00Z");
  private static final int CLIENTS = 16;
  private static final Duration RUN_FOR = Duration.ofSeconds(8);

  @Test
  void overlappingWindowsUnderConcurrentClientsAreEachBuiltOnceAndServedExactly() throws Exception {
    List<DigestWindow> windows = new ArrayList<>();
    for (int quarter = 0; quarter < 8; quarter++) {
      Instant start = DAY.plus(Duration.ofMinutes(15L * quarter));
      windows.add(new DigestWindow(start, start.plus(Duration.ofMinutes(60))));
    }
    List<String> texts = new ArrayList<>();
    try (EmbeddedS3Server s3 = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(s3)) {
      S3Fixture.createBuckets(client, "logs", ServerEnv.DIGESTS, ServerEnv.PROGRESS);
      S3ObjectSink upload = new S3ObjectSink(client, "logs", "");
      SampleFlowLogs.generate(
          new SampleSpec(
              DAY,
              Duration.ofHours(4),
              Duration.ofMinutes(5),
              List.of("444444444444"),
              List.of("us-west-2"),
              50,
              200,
              List.of(KeyLayout.PLAIN),
              false,
              9),
          (key, bytes) -> {
            texts.add(Gzip.gunzip(bytes));
            upload.put(key, bytes);
          });
      ServiceConfig config =
          ServiceConfig.forServer(
              ServerEnv.of(
                  s3,
                  "logs",
                  Map.of("DIGEST_MAX_CONCURRENT", "2", "RUNTIME_LOGGER_OUTPUT", "NULL")));
      GatedBuilder counting = new GatedBuilder(new PipelineDigestBuilder(config, List.of()));
      try (DigesterdService service =
          DigesterdService.builder(config).digestBuilder(counting).start()) {
        Api api = new Api(service.uri());
        // 404 only for a GET of a window no POST was answered for yet: never a lost digest.
        Set<Integer> allowed = Set.of(200, 202, 204, 409);
        Map<Integer, AtomicInteger> codes = new ConcurrentHashMap<>();
        Set<DigestWindow> requested = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + RUN_FOR.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          Random random = new Random(c);
          running.add(
              clients.submit(
                  () -> {
                    while (System.nanoTime() < end) {
                      DigestWindow window = windows.get(random.nextInt(windows.size()));
                      String query =
                          "/" + Api.window(window.start().toString(), window.stop().toString());
                      boolean post = random.nextBoolean();
                      boolean acceptedBefore = requested.contains(window);
                      HttpResponse<byte[]> answer = post ? api.post(query) : api.get(query);
                      if (post) {
                        requested.add(window);
                      }
                      codes
                          .computeIfAbsent(answer.statusCode(), k -> new AtomicInteger())
                          .incrementAndGet();
                      boolean neverRequested =
                          !post && !acceptedBefore && answer.statusCode() == 404;
                      assertTrue(
                          allowed.contains(answer.statusCode()) || neverRequested,
                          (post ? "POST " : "GET ") + answer.statusCode() + " " + Api.text(answer));
                    }
                    return null;
                  }));
        }
        for (Future<?> each : running) {
          each.get(2, TimeUnit.MINUTES);
        }
        clients.shutdown();

        for (DigestWindow window : requested) {
          String query = "/" + Api.window(window.start().toString(), window.stop().toString());
          HttpResponse<byte[]> digest = api.awaitNot204(query, Duration.ofMinutes(2));
          assertEquals(200, digest.statusCode(), Api.text(digest));
          OracleDigest oracle =
              new OracleDigest(window.startEpochSecond(), window.stopEpochSecond());
          texts.forEach(oracle::add);
          assertEquals(oracle.text(), Gzip.gunzip(digest.body()), window.toString());
        }
        assertTrue(
            requested.size() >= windows.size() - 1,
            "most windows were requested: " + requested.size());
        assertEquals(
            requested.size(),
            counting.builds(),
            "one pipeline run per requested window; answers " + codes);
        assertEquals(200, api.get("/healthcheck").statusCode());
        System.out.printf(
            "ConcurrentClientsTest: %d clients for %s: answers by status %s; %d windows requested, %d pipeline runs%n",
            CLIENTS, RUN_FOR, codes, requested.size(), counting.builds());
        assertTrue(
            codes.get(409).get() > CLIENTS,
            "many POSTs met an existing or running digest: " + codes);
      }
    }
  }
}
