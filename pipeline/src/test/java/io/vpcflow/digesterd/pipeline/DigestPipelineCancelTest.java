package io.vpcflow.digesterd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.layout.ObjectPlan;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.Eventually;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.testing.SlowReads;
import io.vpcflow.digesterd.testing.SlowRunFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
      SlowRunFixture.write(new S3ObjectSink(client, "slow-logs", ""));
      DigestOptions options = S3Fixture.options(server);
      options.setFlowLogsBucket("slow-logs");
      options.setStorageBucket("digests");
      options.setStart(SlowRunFixture.START);
      options.setStop(SlowRunFixture.STOP);
      options.setShards(SHARDS);
      options.setFoldMemoryMb(1);
      options.setSpillLocation("s3://digests/" + SpillFiles.STORAGE_FOLDER);
      ObjectPlan plan = DigestPipeline.plan(options);
      Duration wholeRun = READ_DELAY.multipliedBy(plan.objects().size() / SHARDS + 1);
      assertTrue(
          plan.objects().size() >= 10, "enough objects for a slow run: " + plan.objects().size());

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
      Eventually.until(() -> reads.get() >= SHARDS, Duration.ofSeconds(60), "the pipeline reads");
      runner.get().interrupt();
      assertInstanceOf(RunCancelledException.class, outcome.get(10, TimeUnit.SECONDS));
      int readsAtCancel = reads.get();

      Thread.sleep(wholeRun.plusSeconds(1).toMillis());
      assertTrue(
          reads.get() <= readsAtCancel + SHARDS,
          "reads went on after the cancel: " + readsAtCancel + " -> " + reads.get());
      assertEquals(
          List.of(),
          client.listObjectsV2(b -> b.bucket("digests")).contents(),
          "nothing stored, no temporary object left");
      Eventually.until(
          () -> !Eventually.directRunnerThreadsAlive(),
          Duration.ofSeconds(10),
          "the DirectRunner's threads end");
    }
  }
}
