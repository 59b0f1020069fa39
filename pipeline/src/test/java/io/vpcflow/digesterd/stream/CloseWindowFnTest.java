package io.vpcflow.digesterd.stream;

import static org.junit.Assert.assertEquals;

import io.vpcflow.digesterd.window.DigestWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TupleTagList;
import org.junit.Rule;
import org.junit.Test;

/**
 * The window-closing rules in event time, with {@link TestStream} and an in-memory {@link
 * WindowStore}: a window's parts are digested once the watermark passes its end plus the lateness;
 * a part arriving after that, or stamped past it, is counted late, never digested; a window that
 * has a digest already is not written again; each closed window is output for the resume point and
 * its saved parts deleted.
 */
public class CloseWindowFnTest {
  private static final StreamWindows WINDOWS =
      new StreamWindows(Duration.ofMinutes(5), Duration.ofMinutes(2));
  private static final Instant W0 = Instant.parse("2024-05-01T00:00:00Z");
  private static final long S0 = W0.getEpochSecond();
  private static final long S1 = S0 + 300;

  /** What each test's store was told, by test id: the store is serialized into the pipeline. */
  private static final Map<String, List<String>> CALLS = new ConcurrentHashMap<>();

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void windowsCloseAtTheirEndPlusLatenessAndLatePartsAreCountedNotDigested() {
    String test = UUID.randomUUID().toString();
    TestStream<KV<Long, WindowPart>> parts =
        TestStream.create(KvCoder.of(VarLongCoder.of(), WindowPartCoder.of()))
            .addElements(part(S0, "a", 10, W0.plusSeconds(60)))
            .advanceWatermarkTo(joda(W0.plus(Duration.ofMinutes(6))))
            .addElements(
                part(S0, "b", 20, W0.plusSeconds(240)), part(S1, "d", 40, W0.plusSeconds(480)))
            .advanceWatermarkTo(joda(W0.plus(Duration.ofMinutes(7))))
            .addElements(
                part(S0, "c", 30, W0.plusSeconds(240)),
                part(S1, "e", 50, W0.plus(Duration.ofMinutes(12))))
            .advanceWatermarkToInfinity();

    PCollectionTuple closed = close(parts, new RecordingStore(test, Set.of()));

    PAssert.that(closed.get(CloseWindowFn.CLOSED))
        .containsInAnyOrder(KV.of(RecordResumePointFn.KEY, S0), KV.of(RecordResumePointFn.KEY, S1));
    pipeline.run().waitUntilFinish();

    List<String> calls = CALLS.get(test);
    assertEquals(
        Set.of(
            "digest " + S0 + " [a, b]",
            "late " + S0 + " 30",
            "deleteParts " + S0,
            "late " + S1 + " 50",
            "digest " + S1 + " [d]",
            "deleteParts " + S1),
        Set.copyOf(calls));
    assertEquals(6, calls.size());
  }

  @Test
  public void aWindowWithADigestAlreadyIsNotWrittenAgainButStillClosed() {
    String test = UUID.randomUUID().toString();
    TestStream<KV<Long, WindowPart>> parts =
        TestStream.create(KvCoder.of(VarLongCoder.of(), WindowPartCoder.of()))
            .addElements(part(S0, "a", 10, W0.plusSeconds(60)))
            .advanceWatermarkToInfinity();

    PCollectionTuple closed = close(parts, new RecordingStore(test, Set.of(S0)));

    PAssert.that(closed.get(CloseWindowFn.CLOSED))
        .containsInAnyOrder(KV.of(RecordResumePointFn.KEY, S0));
    pipeline.run().waitUntilFinish();
    assertEquals(List.of("deleteParts " + S0), CALLS.get(test));
  }

  private PCollectionTuple close(TestStream<KV<Long, WindowPart>> parts, WindowStore store) {
    PCollectionTuple closed =
        pipeline
            .apply(parts)
            .apply(
                ParDo.of(new CloseWindowFn(WINDOWS, store))
                    .withOutputTags(CloseWindowFn.CLOSED, TupleTagList.of(CloseWindowFn.STATUS)));
    closed.get(CloseWindowFn.CLOSED).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    closed
        .get(CloseWindowFn.STATUS)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StatusEventCoder.of()));
    return closed;
  }

  private static TimestampedValue<KV<Long, WindowPart>> part(
      long window, String object, long records, Instant stamp) {
    return TimestampedValue.of(
        KV.of(window, new WindowPart(window, object, 1, 1, 1, records, new byte[0])), joda(stamp));
  }

  private static org.joda.time.Instant joda(Instant instant) {
    return CloseWindowFn.joda(instant);
  }

  /**
   * Notes every call under its test's id; the windows in {@code digested} have a digest already.
   */
  private static final class RecordingStore implements WindowStore {
    private static final long serialVersionUID = 1L;
    private final String test;
    private final Set<Long> digested;

    RecordingStore(String test, Set<Long> digested) {
      this.test = test;
      this.digested = digested;
      CALLS.put(test, new CopyOnWriteArrayList<>());
    }

    private void note(String call) {
      CALLS.get(test).add(call);
    }

    @Override
    public void open(PipelineOptions options) {}

    @Override
    public void close() {}

    @Override
    public boolean hasDigest(DigestWindow window) {
      return digested.contains(window.start().getEpochSecond());
    }

    @Override
    public long writeDigest(
        DigestWindow window, List<WindowPart> parts, Instant openedAt, Instant closedAt) {
      note(
          "digest "
              + window.start().getEpochSecond()
              + " "
              + parts.stream().map(WindowPart::objectKey).sorted().toList());
      return parts.size();
    }

    @Override
    public void countLate(DigestWindow window, long records) {
      note("late " + window.start().getEpochSecond() + " " + records);
    }

    @Override
    public void deleteParts(long windowStart) {
      note("deleteParts " + windowStart);
    }
  }
}
