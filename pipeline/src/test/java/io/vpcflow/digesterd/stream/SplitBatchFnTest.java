package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.pipeline.coders.PlannedObjectCoder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reify;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.junit.Rule;
import org.junit.Test;

/**
 * A batch of objects from the source becomes one element per object at the object's own event time
 * (its stamp minus the slack after it), never before the batch's time.
 */
public class SplitBatchFnTest {
  private static final Duration SLACK_AFTER = Duration.ofMinutes(1);
  private static final Instant T0 = Instant.parse("2024-05-01T00:05:00Z");

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void eachObjectIsOutputAtItsOwnEventTimeNeverBeforeItsBatch() {
    PlannedObject a = object("a", T0);
    PlannedObject b = object("b", T0.plusSeconds(60));
    PlannedObject c = object("c", T0.plusSeconds(300));
    PlannedObject early = object("early", T0.minusSeconds(600));
    Instant batchTime = T0.minus(SLACK_AFTER);
    TestStream<List<PlannedObject>> batches =
        TestStream.create(ListCoder.of(PlannedObjectCoder.of()))
            .addElements(
                TimestampedValue.of(List.of(a, b, c), CloseWindowFn.joda(batchTime)),
                TimestampedValue.of(List.of(early), CloseWindowFn.joda(batchTime)))
            .advanceWatermarkToInfinity();

    PCollection<TimestampedValue<PlannedObject>> split =
        pipeline
            .apply(batches)
            .apply(ParDo.of(new SplitBatchFn(SLACK_AFTER)))
            .setCoder(PlannedObjectCoder.of())
            .apply(Reify.timestamps());

    PAssert.that(split)
        .containsInAnyOrder(
            at(a, T0.minus(SLACK_AFTER)),
            at(b, T0.plusSeconds(60).minus(SLACK_AFTER)),
            at(c, T0.plusSeconds(300).minus(SLACK_AFTER)),
            at(early, batchTime));
    pipeline.run().waitUntilFinish();
  }

  private static PlannedObject object(String name, Instant stamp) {
    return new PlannedObject("s3://logs/" + name, name + ".log.gz", 100, stamp);
  }

  private static TimestampedValue<PlannedObject> at(PlannedObject object, Instant time) {
    return TimestampedValue.of(object, CloseWindowFn.joda(time));
  }
}
