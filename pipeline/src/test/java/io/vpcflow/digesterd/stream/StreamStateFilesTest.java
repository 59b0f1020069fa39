package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream's saved parts and read records in a local folder (the S3 case runs in the stream's
 * s3proxy tests).
 */
class StreamStateFilesTest {
  private static final long W0 = Instant.parse("2024-05-01T10:00:00Z").getEpochSecond();
  private static final long W1 = W0 + 300;

  @TempDir Path temp;

  @BeforeAll
  static void filesystems() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  @Test
  void partsAndReadRecordsAreWrittenListedReadBackAndDeleted() throws Exception {
    StreamStateFiles files = new StreamStateFiles(temp.resolve("stream") + "/");
    assertEquals(List.of(), files.fileNames(SavedParts.PARTS), "a folder not written yet is empty");
    WindowPart a0 = new WindowPart(W0, "AWSLogs/a", 10, 100, 3, new byte[] {1, 2, 3});
    WindowPart a1 = new WindowPart(W1, "AWSLogs/a", 10, 100, 1, new byte[] {4});
    WindowPart b0 = new WindowPart(W0, "AWSLogs/b", 20, 200, 5, new byte[] {5, 6});
    for (WindowPart part : List.of(a0, a1, b0)) {
      files.writePart(part);
    }
    files.writePart(a0);
    files.writeRead("AWSLogs/a", Instant.parse("2024-05-01T10:05:00Z"));

    assertEquals(3, files.fileNames(SavedParts.PARTS).size(), "writing a part again replaces it");
    assertEquals(
        List.of("20240501T100500Z-" + SavedParts.objectId("AWSLogs/a") + ".read"),
        files.fileNames(SavedParts.READ));
    WindowPart back = files.readPart(SavedParts.partName(W0, "AWSLogs/b")).orElseThrow();
    assertEquals(b0.objectKey(), back.objectKey());
    assertEquals(b0.records(), back.records());
    assertArrayEquals(b0.run(), back.run());

    files.deleteWindowParts(W0);
    assertEquals(
        List.of(SavedParts.partName(W1, "AWSLogs/a").substring(SavedParts.PARTS.length())),
        files.fileNames(SavedParts.PARTS));
    assertEquals(Optional.empty(), files.readPart(SavedParts.partName(W0, "AWSLogs/a")));

    files.delete(
        List.of(
            SavedParts.partName(W1, "AWSLogs/a"), SavedParts.partName(W1, "AWSLogs/never-saved")));
    assertEquals(List.of(), files.fileNames(SavedParts.PARTS));
    files.writePart(a0);
    files.clear();
    assertEquals(List.of(), files.fileNames(SavedParts.PARTS));
    assertEquals(List.of(), files.fileNames(SavedParts.READ));
  }
}
