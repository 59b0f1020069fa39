package io.vpcflow.digesterd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.layout.ObjectPlan;
import io.vpcflow.digesterd.s3.EmbeddedS3Server;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.sample.SampleFlowLogs;
import io.vpcflow.digesterd.sample.SampleSpec;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.testing.SlowReads;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Interrupting the thread that runs a digest cancels the pipeline: its workers stop reading, no
 * digest is ever stored, and the DirectRunner's threads end.
 */
class DigestPipelineCancelTest {
  private static final Duration READ_DELAY = Duration.ofMillis(400);
  private static final int SHARDS = 2;

  @Test
  void anInterruptedRunIsCancelledAndNeverStoresItsDigest() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    try (EmbeddedS3Server server = EmbeddedS3Server.inMemory(SlowReads.of(READ_DELAY, reads));
        S3Client client = S3Fixture.client(server)) {
      client.createBucket(b -> b.bucket("slow-logs"));
      client.createBucket(b -> b.bucket("digests"));
      SampleSpec spec =
          new SampleSpec(
              Instant.parse("2024-05-01T00:00:00Z"), Duration.ofHours(2), Duration.ofMinutes(5),
              List.of("123456789012"), List.of("us-east-1"), 50, 50, List.of(KeyLayout.PLAIN), false, 1);
      SampleFlowLogs.generate(spec, new S3ObjectSink(client, "slow-logs", ""));
      DigestOptions options = S3Fixture.options(server);
      options.setFlowLogsBucket("slow-logs");
      options.setStorageBucket("digests");
      options.setStart("2024-05-01T00:30:00Z");
      options.setStop("2024-05-01T01:30:00Z");
      options.setShards(SHARDS);
      ObjectPlan plan = DigestPipeline.plan(options);
      Duration wholeRun = READ_DELAY.multipliedBy(plan.objects().size() / SHARDS + 1);
      assertTrue(plan.objects().size() >= 10, "enough objects for a slow run: " + plan.objects().size());

      AtomicReference<Thread> runner = new AtomicReference<>();
      CompletableFuture<Throwable> outcome =
          CompletableFuture.supplyAsync(
              () -> {
                runner.set(Thread.currentThread());
                try {
                  DigestPipeline.run(options, plan);
                  return null;
                } catch (Exception e) {
                  return e;
                }
              });
      awaitTrue(() -> reads.get() >= SHARDS, Duration.ofSeconds(60), "the pipeline started reading");
      runner.get().interrupt();
      Throwable thrown = outcome.get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertInstanceOf(RunCancelledException.class, thrown);
      int readsAtCancel = reads.get();

      Thread.sleep(wholeRun.plusSeconds(1).toMillis());
      assertTrue(reads.get() <= readsAtCancel + SHARDS, "reads went on after the cancel: " + readsAtCancel + " -> " + reads.get());
      assertTrue(reads.get() < plan.objects().size(), "every object was read: " + reads.get());
      assertEquals(List.of(), client.listObjectsV2(b -> b.bucket("digests")).contents(), "nothing stored");
      awaitTrue(
          () -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("direct-runner-worker")),
          Duration.ofSeconds(10),
          "the DirectRunner's threads end");
      assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("direct-runner-worker")));
    }
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout, String what)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(50);
    }
  }
}
