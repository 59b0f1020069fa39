package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.pipeline.DigestPipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.beam.runners.core.construction.SerializablePipelineOptions;
import org.apache.beam.sdk.transforms.Watch.Growth.PollFn;
import org.apache.beam.sdk.transforms.Watch.Growth.PollResult;
import org.apache.beam.sdk.values.TimestampedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Beam's side of {@link StreamPoll}: lists the flow-log store on every poll of {@link
 * org.apache.beam.sdk.transforms.Watch}, which drops the objects it has output before (by key),
 * and reports the poll's watermark. Each object's timestamp is its {@link
 * StreamPoll#eventTimeOf event time}.
 */
final class ListNewObjectsFn extends PollFn<String, PlannedObject> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ListNewObjectsFn.class);

  private final SerializablePipelineOptions options;
  private final Instant firstWindow;

  ListNewObjectsFn(StreamOptions options, Instant firstWindow) {
    this.options = new SerializablePipelineOptions(options);
    this.firstWindow = firstWindow;
  }

  @Override
  public PollResult<PlannedObject> apply(String flowLogs, Context context) throws Exception {
    StreamOptions stream = options.get().as(StreamOptions.class);
    StreamPoll[] used = new StreamPoll[1];
    StreamPoll.Result result =
        DigestPipeline.withFlowLogListing(
            stream,
            (listing, source) -> {
              used[0] =
                  new StreamPoll(
                      listing,
                      source.keyPrefix(),
                      DigestPipeline.csv(stream.getScanAccounts()),
                      DigestPipeline.csv(stream.getScanRegions()),
                      Duration.parse(stream.getObjectSlackBefore()),
                      Duration.parse(stream.getObjectSlackAfter()),
                      Duration.parse(stream.getStreamHorizon()),
                      firstWindow);
              return used[0].poll(Instant.now());
            });
    List<TimestampedValue<PlannedObject>> outputs =
        result.objects().stream()
            .map(o -> TimestampedValue.of(o, joda(used[0].eventTimeOf(o))))
            .toList();
    LOG.debug("poll of {}: {} objects listed, watermark {}", flowLogs, outputs.size(), result.watermark());
    PollResult<PlannedObject> poll = PollResult.incomplete(outputs);
    return result.watermark().map(w -> poll.withWatermark(joda(w))).orElse(poll);
  }

  static org.joda.time.Instant joda(Instant instant) {
    return org.joda.time.Instant.ofEpochMilli(instant.toEpochMilli());
  }
}
