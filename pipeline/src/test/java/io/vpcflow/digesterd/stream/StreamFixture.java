package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.digest.DigestId;
import io.vpcflow.digesterd.layout.FlowLogObjectName;
import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.pipeline.DigestOptions;
import io.vpcflow.digesterd.pipeline.DigestPipeline;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.sample.SampleSpec;
import io.vpcflow.digesterd.testing.MixedFormats;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Shared set-up of the stream's s3proxy tests: 5-minute windows from {@code w0} (30 minutes ago),
 * 20 minutes of generated flow-log objects stamped a minute apart in two regions, and stream
 * options with a 2-minute lateness and 1-minute object slacks.
 */
final class StreamFixture {
  private StreamFixture() {}

  /** A generated flow-log object and the time stamp in its name. */
  record LogObject(String key, byte[] bytes, Instant stamp) {}

  /** The start of window 0: a 5-minute boundary 30 minutes before now. */
  static Instant firstWindow() {
    long five = Duration.ofMinutes(5).getSeconds();
    return Instant.ofEpochSecond(Instant.now().getEpochSecond() / five * five)
        .minus(Duration.ofMinutes(30));
  }

  /**
   * The objects of 20 minutes from {@code w0} plus 1 minute, for one account and two regions: those
   * of {@code us-east-1} as gzip'd text, those of {@code eu-west-1} as Parquet, as AWS delivers
   * flow logs of either format.
   */
  static List<LogObject> objects(Instant w0, String account, long seed) throws IOException {
    List<LogObject> objects = new ArrayList<>();
    MixedFormats.generate(
        new SampleSpec(
            w0.plus(Duration.ofMinutes(1)),
            Duration.ofMinutes(20),
            Duration.ofMinutes(1),
            List.of(account),
            List.of("us-east-1", "eu-west-1"),
            80,
            120,
            List.of(KeyLayout.PLAIN),
            false,
            seed),
        key -> key.contains("_eu-west-1_"),
        (key, bytes, text) ->
            objects.add(
                new LogObject(
                    key, bytes, FlowLogObjectName.parseKey(key).orElseThrow().timestamp())));
    return objects;
  }

  /** Stream options watching {@code logsBucket} from {@code w0}, digests to {@code storage}. */
  static StreamOptions options(
      EmbeddedS3Server server, String logsBucket, String storage, Instant w0) {
    return options(S3Fixture.options(server), logsBucket, storage, w0);
  }

  /**
   * Like {@link #options(EmbeddedS3Server, String, String, Instant)}, on top of {@code s3}'s S3
   * settings.
   */
  static StreamOptions options(DigestOptions s3, String logsBucket, String storage, Instant w0) {
    StreamOptions options = s3.as(StreamOptions.class);
    options.setFlowLogsBucket(logsBucket);
    options.setStorageBucket(storage);
    options.setStreamPoll(Duration.parse("PT0.5S"));
    options.setStreamWindow(Duration.parse("PT5M"));
    options.setStreamLateness(Duration.parse("PT2M"));
    options.setObjectSlackBefore(Duration.parse("PT1M"));
    options.setObjectSlackAfter(Duration.parse("PT1M"));
    options.setStreamFrom(w0.toString());
    options.as(DirectOptions.class).setEnforceImmutability(false);
    options.as(DirectOptions.class).setEnforceEncodability(false);
    return options;
  }

  /** The digest id of window {@code window} (0, 1, ...) from {@code w0}. */
  static String id(Instant w0, int window) {
    Instant start = w0.plus(Duration.ofMinutes(5L * window));
    return DigestId.of(start, start.plus(Duration.ofMinutes(5))).toString();
  }

  /**
   * Runs the batch digest of window {@code window} (0, 1, ...) from {@code w0} over {@code
   * logsBucket}, stored under {@code s3://<digestsBucket>/batch/}; returns its summary.
   */
  static DigestSummary batchDigest(
      EmbeddedS3Server server, String logsBucket, String digestsBucket, Instant w0, int window)
      throws IOException {
    Instant start = w0.plus(Duration.ofMinutes(5L * window));
    DigestOptions batch = S3Fixture.options(server);
    batch.setFlowLogsBucket(logsBucket);
    batch.setStorageBucket("s3://" + digestsBucket + "/batch/");
    batch.setStart(start.toString());
    batch.setStop(start.plus(Duration.ofMinutes(5)).toString());
    return DigestPipeline.run(batch);
  }

  /** Each object's key with a read count of one: every object read exactly once. */
  static Map<String, Integer> readOnce(List<LogObject> objects) {
    Map<String, Integer> reads = new TreeMap<>();
    objects.forEach(o -> reads.put(o.key(), 1));
    return reads;
  }

  /** Whether {@code bucket} holds {@code key}. */
  static boolean exists(S3Client client, String bucket, String key) {
    try {
      client.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    }
  }

  /** The attempted value of the stream's counter {@code name} in {@code result} (0 when none). */
  static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> counter :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named("stream", name))
                    .build())
            .getCounters()) {
      total += Optional.ofNullable(counter.getAttempted()).orElse(0L);
    }
    return total;
  }
}
