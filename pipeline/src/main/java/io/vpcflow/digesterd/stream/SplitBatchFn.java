package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.layout.PlannedObject;
import java.time.Duration;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Outputs each object of a batch handed out by {@link NewObjectsSource} on its own, at its event
 * time ({@link StreamPoll#eventTime}), never before the batch's.
 */
final class SplitBatchFn extends DoFn<List<PlannedObject>, PlannedObject> {
  private static final long serialVersionUID = 1L;

  private final Duration slackAfter;

  SplitBatchFn(Duration slackAfter) {
    this.slackAfter = slackAfter;
  }

  @ProcessElement
  public void process(
      @Element List<PlannedObject> batch,
      @Timestamp org.joda.time.Instant batchTime,
      OutputReceiver<PlannedObject> out) {
    for (PlannedObject object : batch) {
      org.joda.time.Instant at =
          CloseWindowFn.joda(StreamPoll.eventTime(object.timestamp(), slackAfter));
      out.outputWithTimestamp(object, at.isBefore(batchTime) ? batchTime : at);
    }
  }
}
