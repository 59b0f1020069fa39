package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.digest.SortedRun;
import io.vpcflow.digesterd.flowlog.FlowLogReader;
import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import io.vpcflow.digesterd.flowlog.RecordHandler;
import io.vpcflow.digesterd.layout.PlannedObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadBatchTest {
  private static final StreamWindows WINDOWS =
      new StreamWindows(Duration.ofMinutes(5), Duration.ofMinutes(1));
  private static final long W0 = 300;
  private static final long W1 = 600;

  /** Records of W0 (two, one conversation) and W1 (one). */
  private static final String A =
      "2 1 eni-a 10.0.0.1 10.0.0.2 50000 443 6 1 10 300 330 ACCEPT OK\n"
          + "2 1 eni-a 10.0.0.1 10.0.0.2 50001 443 6 2 20 310 320 ACCEPT OK\n"
          + "2 1 eni-a 10.0.0.1 10.0.0.2 50002 443 6 4 40 600 610 ACCEPT OK\n";

  /** A record of W1. */
  private static final String B = "2 1 eni-b 10.0.0.3 10.0.0.4 50000 22 6 8 80 620 630 ACCEPT OK\n";

  /** A record of W0 and one of W1, then the object breaks. */
  private static final String BROKEN =
      "2 1 eni-c 10.0.0.5 10.0.0.6 50000 80 6 16 160 320 330 ACCEPT OK\n"
          + "2 1 eni-c 10.0.0.5 10.0.0.6 50000 80 6 32 320 630 640 ACCEPT OK\n";

  private final List<String> reads = new ArrayList<>();

  /** Reads the objects' texts from memory; the one named "broken" is corrupt after its records. */
  private final ReadBatch.ObjectFolder folder =
      (object, handler) -> {
        reads.add(object.key());
        String text = Map.of("a", A, "b", B, "broken", BROKEN).get(object.key());
        ObjectParseResult result = parse(text, handler);
        return object.key().equals("broken") ? Optional.empty() : Optional.of(result);
      };

  @Test
  void theObjectsOfABatchFoldIntoOnePartPerWindowAtTheEarliestEventTime() throws Exception {
    ReadBatch batch = new ReadBatch(WINDOWS, W0);
    batch.read(object("a", 400), Instant.ofEpochSecond(340), folder);
    batch.read(object("b", 700), Instant.ofEpochSecond(640), folder);

    List<WindowPart> parts = batch.parts("a");
    assertEquals(List.of(W0, W1), parts.stream().map(WindowPart::windowStart).toList());
    assertEquals(List.of(1L, 2L), parts.stream().map(WindowPart::objects).toList());
    assertEquals(List.of(2L, 2L), parts.stream().map(WindowPart::records).toList());
    assertEquals(List.of(3L, 12L), totals(parts));
    assertEquals(Optional.of(Instant.ofEpochSecond(340)), batch.earliestEventTime());
    assertEquals(
        new SavedParts.Batch(
            List.of("a", "b"), Instant.ofEpochSecond(400), Instant.ofEpochSecond(700)),
        batch.batch());
    assertEquals(List.of(), batch.lateParts());
    assertEquals(List.of("a", "b"), keysRead(batch));
  }

  @Test
  void aCorruptObjectIsLeftOutWholeAndTheOthersAreFoldedAgainWithoutIt() throws Exception {
    ReadBatch batch = new ReadBatch(WINDOWS, W0);
    batch.read(object("a", 400), Instant.ofEpochSecond(340), folder);
    batch.read(object("broken", 650), Instant.ofEpochSecond(590), folder);
    batch.read(object("b", 700), Instant.ofEpochSecond(640), folder);

    assertEquals(List.of("a", "broken", "a", "b"), reads, "a read again once broken failed");
    List<WindowPart> parts = batch.parts("a");
    assertEquals(List.of(1L, 2L), parts.stream().map(WindowPart::objects).toList());
    assertEquals(List.of(2L, 2L), parts.stream().map(WindowPart::records).toList());
    assertEquals(List.of(3L, 12L), totals(parts), "none of broken's records");
    assertEquals(List.of("a", "b"), keysRead(batch));
    assertEquals(List.of("a", "b", "broken"), batch.batch().keys(), "recorded as read");
  }

  @Test
  void aBatchOfOnlyACorruptObjectHasNoPartButARecord() throws Exception {
    ReadBatch batch = new ReadBatch(WINDOWS, W0);
    assertTrue(batch.isEmpty());
    batch.read(object("broken", 650), Instant.ofEpochSecond(590), folder);
    assertFalse(batch.isEmpty());
    assertEquals(List.of(), batch.parts("broken"));
    assertEquals(Optional.empty(), batch.earliestEventTime());
    assertEquals(List.of("broken"), batch.batch().keys());
  }

  @Test
  void recordsOfAWindowClosedAtTheirObjectsEventTimeLeaveAsThatObjectsLatePart() throws Exception {
    ReadBatch batch = new ReadBatch(WINDOWS, W0);
    batch.read(object("b", 700), Instant.ofEpochSecond(640), folder);
    batch.read(object("a", 760), Instant.ofEpochSecond(700), folder);

    assertEquals(1, batch.lateParts().size(), "W0 closed at 660, before a's event time 700");
    ReadBatch.LatePart late = batch.lateParts().get(0);
    assertEquals(W0, late.part().windowStart());
    assertEquals(2, late.part().records());
    assertEquals("a", late.part().objectKey());
    assertEquals(0, late.part().run().length);
    assertEquals(Instant.ofEpochSecond(700), late.eventTime());
    List<WindowPart> parts = batch.parts("b");
    assertEquals(List.of(W1), parts.stream().map(WindowPart::windowStart).toList());
    assertEquals(2, parts.get(0).objects());
    assertEquals(2, parts.get(0).records());
  }

  private static PlannedObject object(String key, long stamp) {
    return new PlannedObject("mem:///" + key, key, 1, Instant.ofEpochSecond(stamp));
  }

  private static ObjectParseResult parse(String text, RecordHandler handler) {
    try {
      return new FlowLogReader()
          .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> keysRead(ReadBatch batch) {
    return batch.objectsRead().stream().map(r -> r.object().key()).toList();
  }

  /** The packets of all keys of each part, summed. */
  private static List<Long> totals(List<WindowPart> parts) throws IOException {
    List<Long> totals = new ArrayList<>();
    for (WindowPart part : parts) {
      totals.add(packets(part).stream().mapToLong(Long::longValue).sum());
    }
    return totals;
  }

  private static List<Long> packets(WindowPart part) throws IOException {
    List<Long> packets = new ArrayList<>();
    SortedRun.Reader reader = SortedRun.read(part.run());
    while (reader.next()) {
      packets.add(reader.totals().packets());
    }
    return packets;
  }
}
