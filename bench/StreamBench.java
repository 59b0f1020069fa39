import io.vpcflow.digesterd.layout.FlowLogObjectName;
import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.s3.S3ClientFactory;
import io.vpcflow.digesterd.sample.SampleFlowLogs;
import io.vpcflow.digesterd.sample.SampleSpec;
import io.vpcflow.digesterd.stream.DigestStream;
import io.vpcflow.digesterd.stream.StreamOptions;
import io.vpcflow.digesterd.window.DigestWindow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.runners.direct.DirectOptions;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Streaming-mode figures: sustained records/s while the stream digests an hour of logs already
 * landed (-Dhours=N: N hours), then the latency from the object that closes a window landing to that window's digest
 * being readable. S3 is an in-process s3proxy; 5-minute windows, 1 minute of lateness and of
 * object slack, polling every second. Extra arguments are Beam options (e.g.
 * --runner=FlinkRunner --flinkMaster=[local]). Run with:
 * java -Xmx2g -cp api-server/target/vpcflow-digesterd.jar bench/StreamBench.java [--name=value ...]
 */
public class StreamBench {
  private static final Duration WINDOW = Duration.ofMinutes(5);
  private static final int RECORDS = Integer.getInteger("records", 8000);
  /** Hours of logs landed before the stream starts (-Dhours=N); the latency phase lands 25 minutes more. */
  private static final int HOURS = Integer.getInteger("hours", 1);

  record LogObject(String key, byte[] bytes, Instant stamp) {}

  public static void main(String[] args) throws Exception {
    long five = WINDOW.getSeconds();
    Instant w0 = Instant.ofEpochSecond(Instant.now().getEpochSecond() / five * five).minus(Duration.ofHours(2L + HOURS));
    List<LogObject> objects = new ArrayList<>();
    SampleFlowLogs.generate(
        new SampleSpec(
            w0, Duration.ofMinutes(60L * HOURS + 30), Duration.ofMinutes(1), List.of("111111111111", "222222222222"),
            List.of("us-east-1", "eu-west-1"), RECORDS, 20000, List.of(KeyLayout.PLAIN), false, 5),
        (key, bytes) -> objects.add(new LogObject(key, bytes, FlowLogObjectName.parseKey(key).orElseThrow().timestamp())));
    // Land in time-stamp order, as AWS delivers (within the object slack): generated prefix by
    // prefix, a poll in the middle of landing a batch saw one prefix's last minute before another
    // prefix's first, and the window that first object belongs to closed without it (late).
    objects.sort(java.util.Comparator.comparing(LogObject::stamp).thenComparing(LogObject::key));
    try (EmbeddedS3Server s3 = EmbeddedS3Server.inMemory()) {
      // The fat jar registers Flink's options only for a Flink run (as the commands do).
      if (Arrays.stream(args).anyMatch(a -> a.contains("FlinkRunner"))) {
        PipelineOptionsFactory.register(org.apache.beam.runners.flink.FlinkPipelineOptions.class);
      }
      StreamOptions options = PipelineOptionsFactory.fromArgs(args).as(StreamOptions.class);
      options.setEndpoint(s3.endpoint());
      options.setAwsRegion(Region.of(EmbeddedS3Server.REGION));
      options.setAwsCredentialsProvider(EmbeddedS3Server.credentials());
      options.setS3ClientFactoryClass(S3ClientFactory.class);
      options.setFlowLogsBucket("logs");
      options.setStorageBucket("s3://digests/");
      options.setStreamPoll(Duration.parse("PT1S"));
      options.setStreamWindow(Duration.parse("PT5M"));
      options.setStreamLateness(Duration.parse("PT1M"));
      options.setObjectSlackBefore(Duration.parse("PT1M"));
      options.setObjectSlackAfter(Duration.parse("PT1M"));
      options.setStreamFrom(w0.toString());
      options.as(DirectOptions.class).setEnforceImmutability(false);
      options.as(DirectOptions.class).setEnforceEncodability(false);
      // As the stream command does (DigestOptionsFactory): one DirectRunner worker per processor.
      if (Arrays.stream(args).noneMatch(a -> a.startsWith("--targetParallelism"))) {
        options.as(DirectOptions.class).setTargetParallelism(Runtime.getRuntime().availableProcessors());
      }
      try (S3Client client = S3ClientFactory.client(options)) {
        client.createBucket(b -> b.bucket("logs"));
        client.createBucket(b -> b.bucket("digests"));
        land(client, objects, w0, w0.plus(Duration.ofMinutes(60L * HOURS)));
        // watermark = last stamp (w0+60h-1m) - 1m slack: the windows ending 1 minute (lateness) before it close
        int closable = 12 * HOURS - 1;
        long began = System.nanoTime();
        // On the DirectRunner run() returns at once; Flink's attached execution blocks until the
        // (unbounded) job ends, so the stream is started on its own thread.
        java.util.concurrent.CompletableFuture<PipelineResult> stream =
            java.util.concurrent.CompletableFuture.supplyAsync(() -> DigestStream.run(options));
        long records = 0;
        for (int k = 0; k < closable; k++) {
          records += await(client, window(w0, k)).records().digested();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf(
            "throughput (%s): %d objects already landed, %d windows closed, %,d records digested in %.1f s from start: %,.0f records/s%n",
            options.getRunner().getSimpleName(), objects.stream().filter(o -> o.stamp().isBefore(w0.plus(Duration.ofMinutes(60L * HOURS)))).count(),
            closable, records, seconds, records / seconds);
        List<Double> latencies = new ArrayList<>();
        for (int k = closable; k < closable + 5; k++) {
          Instant from = w0.plus(Duration.ofMinutes(60L * HOURS + 5L * (k - closable)));
          land(client, objects, from, from.plus(WINDOW));
          long landed = System.nanoTime();
          await(client, window(w0, k));
          latencies.add((System.nanoTime() - landed) / 1e9);
        }
        System.out.printf(
            "latency (%s): last object of the batch that closes a window landed -> its digest readable: %s s (poll every 1 s)%n",
            options.getRunner().getSimpleName(), latencies.stream().map(l -> String.format("%.1f", l)).toList());
        if (stream.isDone()) {
          stream.get().cancel();
        }
      }
      System.exit(0);
    }
  }

  private static DigestWindow window(Instant w0, int k) {
    Instant start = w0.plus(WINDOW.multipliedBy(k));
    return new DigestWindow(start, start.plus(WINDOW));
  }

  private static void land(S3Client client, List<LogObject> objects, Instant from, Instant to) {
    for (LogObject o : objects) {
      if (!o.stamp().isBefore(from) && o.stamp().isBefore(to)) {
        client.putObject(b -> b.bucket("logs").key(o.key()), RequestBody.fromBytes(o.bytes()));
      }
    }
  }

  private static DigestSummary await(S3Client client, DigestWindow window) throws Exception {
    String key = window.digestId() + ".json";
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<byte[]> json = get(client, key);
      if (json.isPresent()) {
        return DigestSummaryJson.read(new String(json.get(), StandardCharsets.UTF_8));
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no digest for " + window + " after 10 minutes");
  }

  private static Optional<byte[]> get(S3Client client, String key) {
    try {
      return Optional.of(client.getObjectAsBytes(b -> b.bucket("digests").key(key)).asByteArray());
    } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
      return Optional.empty();
    }
  }
}
