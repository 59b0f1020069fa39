package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.pipeline.DigestOptions;
import io.vpcflow.digesterd.pipeline.OptionArgs;
import java.time.Duration;
import org.apache.beam.runners.core.construction.SerializablePipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.PipelineOptionsValidator;
import org.junit.jupiter.api.Test;

/**
 * The stream's options stand on their own: validated without the batch's window, durations typed
 * from ISO-8601 on the command line and kept typed when the options travel to other JVMs.
 */
class StreamOptionsTest {
  private static final String[] STORES = {
    "--flowLogsBucket=file:///logs", "--storageBucket=file:///digests"
  };

  private static StreamOptions parse(String... extra) {
    PipelineOptionsFactory.register(StreamOptions.class);
    String[] args = new String[STORES.length + extra.length];
    System.arraycopy(STORES, 0, args, 0, STORES.length);
    System.arraycopy(extra, 0, args, STORES.length, extra.length);
    return PipelineOptionsFactory.fromArgs(args).withValidation().as(StreamOptions.class);
  }

  @Test
  void validatesWithoutTheBatchWindow() {
    StreamOptions options = parse();
    assertEquals("file:///logs", options.getFlowLogsBucket());
  }

  @Test
  void defaultsAreTypedDurations() {
    StreamOptions options = parse();
    assertEquals(Duration.ofMinutes(1), options.getStreamPoll());
    assertEquals(Duration.ofHours(1), options.getStreamWindow());
    assertEquals(Duration.ofMinutes(15), options.getStreamLateness());
    assertEquals(Duration.ofDays(1), options.getStreamHorizon());
    assertEquals(Duration.ofSeconds(5), options.getStreamStatusEvery());
    assertEquals(Duration.ofMinutes(10), options.getObjectSlackBefore());
    assertEquals(Duration.ofMinutes(20), options.getObjectSlackAfter());
  }

  @Test
  void durationsParseFromIso8601() {
    StreamOptions options =
        parse("--streamPoll=PT0.5S", "--streamWindow=PT5M", "--objectSlackAfter=PT1H30M");
    assertEquals(Duration.ofMillis(500), options.getStreamPoll());
    assertEquals(Duration.ofMinutes(5), options.getStreamWindow());
    assertEquals(Duration.ofMinutes(90), options.getObjectSlackAfter());
  }

  @Test
  void aMissingStoreIsNamed() {
    PipelineOptionsFactory.register(StreamOptions.class);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PipelineOptionsFactory.fromArgs("--flowLogsBucket=file:///logs")
                    .withValidation()
                    .as(StreamOptions.class));
    assertTrue(e.getMessage().contains("--storageBucket"), e.getMessage());
  }

  @Test
  void aMalformedDurationIsRefusedNamingTheOption() {
    PipelineOptionsFactory.register(StreamOptions.class);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                OptionArgs.parse(StreamOptions.class, "--streamWindow=PT5M", "--streamPoll=soon"));
    assertTrue(e.getMessage().startsWith("invalid argument --streamPoll=soon: "), e.getMessage());
  }

  @Test
  void aMalformedNumberIsRefusedOnOneLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OptionArgs.parse(StreamOptions.class, "--maxLineBytes=many"));
    assertTrue(e.getMessage().startsWith("invalid argument --maxLineBytes=many: "), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }

  @Test
  void durationsSurviveTheTripToWorkers() {
    StreamOptions options = parse("--streamLateness=PT2M", "--objectSlackBefore=PT3M");
    StreamOptions copy = new SerializablePipelineOptions(options).get().as(StreamOptions.class);
    assertEquals(Duration.ofMinutes(2), copy.getStreamLateness());
    assertEquals(Duration.ofMinutes(3), copy.getObjectSlackBefore());
    assertEquals(Duration.ofMinutes(1), copy.getStreamPoll());
  }

  @Test
  void theBatchStillRequiresItsWindow() {
    PipelineOptionsFactory.register(DigestOptions.class);
    DigestOptions batch = parse().as(DigestOptions.class);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PipelineOptionsValidator.validate(DigestOptions.class, batch));
    // Both are missing; Beam names the first it finds, in reflection order, which varies.
    assertTrue(
        e.getMessage().contains("DigestOptions.getStart()")
            || e.getMessage().contains("DigestOptions.getStop()"),
        e.getMessage());
  }
}
