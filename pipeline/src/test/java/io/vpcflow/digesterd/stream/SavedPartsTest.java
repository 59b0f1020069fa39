package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.stream.SavedParts.PartName;
import io.vpcflow.digesterd.stream.SavedParts.ReadName;
import io.vpcflow.digesterd.stream.SavedParts.RestoredPart;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
  private static final Duration SLACK = Duration.ofMinutes(1);
  private final StreamWindows windows =
      new StreamWindows(Duration.ofMinutes(5), Duration.ofMinutes(2));
  private final Instant ten = Instant.parse("2024-05-01T10:00:00Z");
  private final long w10 = ten.getEpochSecond();
  private final long w05 = w10 + 300;

  @Test
  void namesCarryTheWindowOrStampAndAFixedLengthIdOfTheKey() {
    String id = SavedParts.objectId(A);
    assertEquals(32, id.length());
    assertNotEquals(id, SavedParts.objectId(B));
    assertEquals("parts/20240501T100000Z-" + id + ".part", SavedParts.partName(w10, A));
    assertEquals(
        "read/20240501T100400Z-" + id + ".read",
        SavedParts.readName(Instant.parse("2024-05-01T10:04:00Z"), A));
    assertEquals("parts/20240501T100000Z-", SavedParts.windowPartsPrefix(w10));
    assertEquals(
        Optional.of(new PartName(w10, id)),
        SavedParts.parsePart(file(SavedParts.partName(w10, A))));
    assertEquals(
        Optional.of(new ReadName(Instant.parse("2024-05-01T10:04:00Z"), id)),
        SavedParts.parseRead(file(SavedParts.readName(Instant.parse("2024-05-01T10:04:00Z"), A))));
  }

  @Test
  void temporaryAndForeignFilesAreNotPartsOrReadRecords() {
    String part = file(SavedParts.partName(w10, A));
    assertEquals(
        Optional.empty(), SavedParts.parsePart(part + ".tmp-0b6f3e2a-1111-2222-3333-444455556666"));
    assertEquals(
        Optional.empty(),
        SavedParts.parsePart("20241301T000000Z-" + SavedParts.objectId(A) + ".part"));
    assertEquals(Optional.empty(), SavedParts.parsePart("notes.txt"));
    assertEquals(Optional.empty(), SavedParts.parseRead(part));
  }

  @Test
  void aPartIsSavedUnlessItsWindowIsClosedByItsObjectsOwnEventTime() {
    assertTrue(SavedParts.saved(w10, Instant.parse("2024-05-01T10:06:59Z"), windows));
    assertFalse(
        SavedParts.saved(w10, Instant.parse("2024-05-01T10:07:00Z"), windows),
        "10:00 closes at 10:07");
  }

  @Test
  void aRestartTakesOverTheObjectsWithAReadRecordAndRestoresOnlyTheirPartsOfOpenWindows() {
    List<String> reads =
        List.of(
            file(SavedParts.readName(Instant.parse("2024-05-01T10:04:00Z"), A)),
            file(SavedParts.readName(Instant.parse("2024-05-01T09:58:00Z"), C)),
            "x.read.tmp-1");
    List<String> parts =
        List.of(
            file(SavedParts.partName(w10, A)),
            file(SavedParts.partName(w10 - 300, A)),
            file(SavedParts.partName(w10, B)),
            file(SavedParts.partName(w05, B)));
    SavedParts.Restore restore = SavedParts.plan(reads, parts, ten, SLACK);
    assertEquals(
        Set.of(SavedParts.objectId(A)),
        restore.alreadyRead(),
        "C (09:58) is never listed again from 10:00 - 1m");
    assertEquals(
        List.of(
            new RestoredPart(
                SavedParts.partName(w10, A), w10, Instant.parse("2024-05-01T10:04:00Z"))),
        restore.parts(),
        "A's part of 09:55 is before the first window; B's parts have no read record: B is read again");
  }

  @Test
  void readRecordsLastUntilTheResumePointMinusTheSlackPassesThemAndPartsUntilItPassesTheirWindow() {
    List<String> reads =
        List.of(
            file(SavedParts.readName(Instant.parse("2024-05-01T10:03:59Z"), C)),
            file(SavedParts.readName(Instant.parse("2024-05-01T10:04:00Z"), A)),
            file(SavedParts.readName(Instant.parse("2024-05-01T10:06:00Z"), B)));
    List<String> parts =
        List.of(file(SavedParts.partName(w10, A)), file(SavedParts.partName(w05, B)), "junk");
    assertEquals(
        List.of(SavedParts.READ + reads.get(0), SavedParts.PARTS + parts.get(0)),
        SavedParts.prunable(reads, parts, Instant.ofEpochSecond(w05), SLACK));
  }

  private static String file(String name) {
    return name.substring(name.indexOf('/') + 1);
  }
}
