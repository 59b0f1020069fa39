package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.stream.SavedParts.Batch;
import io.vpcflow.digesterd.stream.SavedParts.PartName;
import io.vpcflow.digesterd.stream.SavedParts.ReadName;
import io.vpcflow.digesterd.stream.SavedParts.RestoredPart;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SavedPartsTest {
  private static final String A =
      "AWSLogs/1/vpcflowlogs/us-east-1/2024/05/01/1_vpcflowlogs_us-east-1_fl-1_20240501T1004Z_a.log.gz";
  private static final String B =
      "AWSLogs/1/vpcflowlogs/us-east-1/2024/05/01/1_vpcflowlogs_us-east-1_fl-1_20240501T1006Z_b.log.gz";
  private static final String C =
      "AWSLogs/1/vpcflowlogs/us-east-1/2024/05/01/1_vpcflowlogs_us-east-1_fl-1_20240501T0958Z_c.log.gz";
  private static final Instant AT_A = Instant.parse("2024-05-01T10:04:00Z");
  private static final Instant AT_B = Instant.parse("2024-05-01T10:06:00Z");
  private static final Instant AT_C = Instant.parse("2024-05-01T09:58:00Z");
  private static final Duration SLACK = Duration.ofMinutes(1);
  private final Instant ten = Instant.parse("2024-05-01T10:00:00Z");
  private final long w10 = ten.getEpochSecond();
  private final long w05 = w10 + 300;

  private static final Batch AB = new Batch(List.of(B, A), AT_A, AT_B);
  private static final Batch ONLY_C = new Batch(List.of(C), AT_C, AT_C);

  @Test
  void namesCarryTheWindowOrStampsAndAFixedLengthIdOfTheBatchsSortedKeys() {
    String id = AB.id();
    assertEquals(32, id.length());
    assertEquals(List.of(A, B), AB.keys(), "sorted");
    assertEquals(id, new Batch(List.of(A, B, A), AT_A, AT_B).id(), "the same objects, any order");
    assertNotEquals(id, SavedParts.objectId(A));
    assertEquals(SavedParts.objectId(C), ONLY_C.id(), "a batch of one object: the object's id");
    assertEquals("parts/20240501T100000Z-" + id + ".part", AB.partName(w10));
    assertEquals(AB.partName(w10), SavedParts.partName(w10, id));
    assertEquals("read/20240501T100600Z-20240501T100400Z-" + id + ".read", AB.readName());
    assertEquals("parts/20240501T100000Z-", SavedParts.windowPartsPrefix(w10));
    assertEquals(Optional.of(new PartName(w10, id)), SavedParts.parsePart(file(AB.partName(w10))));
    assertEquals(
        Optional.of(new ReadName(AT_B, AT_A, id, false)),
        SavedParts.parseRead(file(AB.readName())));
    assertEquals(
        "read/20240501T095800Z-" + SavedParts.objectId(C) + ".read",
        ONLY_C.readName(),
        "a batch of one object: the name of earlier releases");
    assertEquals(
        Optional.of(new ReadName(AT_C, AT_C, SavedParts.objectId(C), true)),
        SavedParts.parseRead(file(ONLY_C.readName())));
    assertTrue(SavedParts.contentNeeded(file(AB.readName())));
    assertFalse(SavedParts.contentNeeded(file(ONLY_C.readName())), "known by its name");
    assertFalse(SavedParts.contentNeeded("notes.txt"));
    assertEquals(List.of(A, B), SavedParts.keysOf(AB.readContent()));
    assertEquals(List.of(C), SavedParts.keysOf(ONLY_C.readContent()));
    assertThrows(IllegalArgumentException.class, () -> new Batch(List.of(), AT_A, AT_A));
  }

  @Test
  void aReadRecordOfAnEarlierReleaseHoldsOneObjectAtOneStamp() {
    String old = "20240501T095800Z-" + SavedParts.objectId(C) + ".read";
    assertEquals(
        Optional.of(new ReadName(AT_C, AT_C, SavedParts.objectId(C), true)),
        SavedParts.parseRead(old));
    assertEquals(file(ONLY_C.readName()), old, "the name of a batch of one object today");
  }

  @Test
  void temporaryAndForeignFilesAreNotPartsOrReadRecords() {
    String part = file(AB.partName(w10));
    assertEquals(
        Optional.empty(), SavedParts.parsePart(part + ".tmp-0b6f3e2a-1111-2222-3333-444455556666"));
    assertEquals(Optional.empty(), SavedParts.parsePart("20241301T000000Z-" + AB.id() + ".part"));
    assertEquals(Optional.empty(), SavedParts.parsePart("notes.txt"));
    assertEquals(Optional.empty(), SavedParts.parseRead(part));
    assertEquals(
        Optional.empty(),
        SavedParts.parseRead("20240501T100600Z-20241301T000000Z-" + AB.id() + ".read"));
  }

  @Test
  void aRestartTakesOverTheReadRecordsListedAgainByTheirLatestStamp() {
    String oldA = "20240501T100400Z-" + SavedParts.objectId(A) + ".read";
    assertEquals(
        List.of(file(AB.readName()), oldA),
        SavedParts.takenOver(
            List.of(file(ONLY_C.readName()), file(AB.readName()), oldA, "x.read.tmp-1"),
            ten,
            SLACK),
        "C (09:58) is never listed again from 10:00 - 1m");
  }

  @Test
  void aRestartTakesOverTheObjectsOfItsReadRecordsAndRestoresOnlyTheirBatchsPartsOfOpenWindows() {
    Batch unrecorded = new Batch(List.of(C, A), AT_C, AT_A);
    Batch gone = new Batch(List.of(C, B), AT_C, AT_B);
    Batch onlyB = new Batch(List.of(B), AT_B, AT_B);
    List<String> takenOver =
        List.of(file(AB.readName()), file(onlyB.readName()), file(gone.readName()));
    Map<String, List<String>> keys = new LinkedHashMap<>();
    keys.put(file(AB.readName()), AB.keys());
    List<String> parts =
        List.of(
            file(AB.partName(w10)),
            file(AB.partName(w10 - 300)),
            file(unrecorded.partName(w10)),
            file(gone.partName(w10)),
            file(onlyB.partName(w05)),
            file(AB.partName(w05)),
            "junk.part");
    SavedParts.Restore restore = SavedParts.plan(takenOver, keys, parts, ten);
    assertEquals(
        Set.of(SavedParts.objectId(A), SavedParts.objectId(B)),
        restore.alreadyRead(),
        "AB's keys from its content, B's id from its record's name");
    assertEquals(
        List.of(
            new RestoredPart(AB.partName(w10), w10, AT_A),
            new RestoredPart(onlyB.partName(w05), w05, AT_B),
            new RestoredPart(AB.partName(w05), w05, AT_A)),
        restore.parts(),
        "by name, at the batch's earliest stamp; AB's part of 09:55 is before the first window; the batch"
            + " without a record, and the one whose record was gone before its keys were read, are"
            + " read again");
  }

  @Test
  void readRecordsLastUntilTheResumePointMinusTheSlackPassesTheirLatestStampAndPartsTheirWindow() {
    Batch early = new Batch(List.of(C), AT_C, Instant.parse("2024-05-01T10:03:59Z"));
    Batch atFour = new Batch(List.of(A), AT_C, AT_A);
    List<String> reads =
        List.of(file(early.readName()), file(atFour.readName()), file(AB.readName()));
    List<String> parts = List.of(file(AB.partName(w10)), file(AB.partName(w05)), "junk");
    assertEquals(
        List.of(SavedParts.READ + reads.get(0), SavedParts.PARTS + parts.get(0)),
        SavedParts.prunable(reads, parts, Instant.ofEpochSecond(w05), SLACK));
  }

  private static String file(String name) {
    return name.substring(name.indexOf('/') + 1);
  }
}
