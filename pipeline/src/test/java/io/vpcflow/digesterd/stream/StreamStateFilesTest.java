package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.pipeline.SmallObjects;
import io.vpcflow.digesterd.s3.BucketPurpose;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The stream's saved parts and read records, in a local folder and in a bucket of s3proxy (where
 * each is one {@code PutObject}, leaving no other object behind).
 */
class StreamStateFilesTest {
  private static final long W0 = Instant.parse("2024-05-01T10:00:00Z").getEpochSecond();
  private static final long W1 = W0 + 300;
  private static final Instant STAMP = Instant.parse("2024-05-01T10:05:00Z");
  private static final SavedParts.Batch A =
      new SavedParts.Batch(List.of("AWSLogs/a"), STAMP, STAMP);
  private static final SavedParts.Batch AB =
      new SavedParts.Batch(
          List.of("AWSLogs/a", "AWSLogs/b"), STAMP, Instant.parse("2024-05-01T10:06:00Z"));
  private static final SavedParts.Batch B =
      new SavedParts.Batch(List.of("AWSLogs/b"), STAMP, STAMP);

  @TempDir Path temp;

  @Test
  void partsAndReadRecordsAreWrittenListedReadBackAndDeletedInALocalFolder() throws Exception {
    PipelineOptions options = PipelineOptionsFactory.create();
    FileSystems.setDefaultPipelineOptions(options);
    writeListReadAndDelete(temp.resolve("stream") + "/", options);
  }

  @Test
  void partsAndReadRecordsAreWrittenListedReadBackAndDeletedInABucket() throws Exception {
    try (EmbeddedS3Server server = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(server)) {
      client.createBucket(b -> b.bucket("state"));
      PipelineOptions options = S3Fixture.options(server);
      FileSystems.setDefaultPipelineOptions(options);
      String folder = BucketPurpose.STORAGE.resourceName("s3://state/stream/");
      StreamStateFiles files = new StreamStateFiles(folder);
      try (SmallObjects put = SmallObjects.under(folder, options)) {
        files.writePart(
            put, A, new WindowPart(W0, "AWSLogs/a", 1, 10, 100, 3, new byte[] {1, 2, 3}));
        files.writeRead(put, A);
      }
      assertEquals(
          List.of("stream/" + A.partName(W0), "stream/" + A.readName()),
          client.listObjectsV2(b -> b.bucket("state")).contents().stream()
              .map(S3Object::key)
              .sorted()
              .toList(),
          "one object per part and per read record, nothing else");
      try (SmallObjects objects = SmallObjects.under(folder, options)) {
        files.clear(objects);
      }
      writeListReadAndDelete(folder, options);
    } finally {
      FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    }
  }

  @Test
  void aFailedPutNamesTheObjectAsUsersWriteIt() throws Exception {
    try (EmbeddedS3Server server = EmbeddedS3Server.inMemory()) {
      String folder = BucketPurpose.STORAGE.resourceName("s3://no-such-bucket/stream/");
      StreamStateFiles files = new StreamStateFiles(folder);
      try (SmallObjects put = SmallObjects.under(folder, S3Fixture.options(server))) {
        IOException e = assertThrows(IOException.class, () -> files.writeRead(put, A));
        assertTrue(
            e.getMessage().startsWith("cannot put s3://no-such-bucket/stream/"), e.getMessage());
      }
    }
  }

  private static void writeListReadAndDelete(String folder, PipelineOptions options)
      throws Exception {
    try (SmallObjects put = SmallObjects.under(folder, options)) {
      writeListReadAndDelete(new StreamStateFiles(folder), put);
    }
  }

  private static void writeListReadAndDelete(StreamStateFiles files, SmallObjects put)
      throws Exception {
    assertEquals(
        List.of(), files.fileNames(put, SavedParts.PARTS), "a folder not written yet is empty");
    WindowPart ab0 = new WindowPart(W0, "AWSLogs/a", 2, 30, 300, 8, new byte[] {1, 2, 3});
    WindowPart ab1 = new WindowPart(W1, "AWSLogs/a", 1, 10, 100, 1, new byte[] {4});
    WindowPart b0 = new WindowPart(W0, "AWSLogs/b", 1, 20, 200, 5, new byte[] {5, 6});
    files.writePart(put, AB, ab0);
    files.writePart(put, AB, ab1);
    files.writePart(put, B, b0);
    files.writePart(put, AB, ab0);
    files.writeRead(put, AB);
    files.writeRead(put, B);

    assertEquals(
        3, files.fileNames(put, SavedParts.PARTS).size(), "writing a part again replaces it");
    List<String> reads = files.fileNames(put, SavedParts.READ).stream().sorted().toList();
    assertEquals(
        List.of(AB.readName(), B.readName()).stream()
            .map(n -> n.substring(SavedParts.READ.length()))
            .sorted()
            .toList(),
        reads);
    assertEquals(
        Map.of(
            AB.readName().substring(SavedParts.READ.length()), List.of("AWSLogs/a", "AWSLogs/b"),
            B.readName().substring(SavedParts.READ.length()), List.of("AWSLogs/b")),
        files.readRecords(put, List.of(reads.get(0), reads.get(1), "gone.read")),
        "the keys of each record read back; a record gone is left out");
    WindowPart back = files.readPart(put, AB.partName(W0)).orElseThrow();
    assertEquals(ab0.objectKey(), back.objectKey());
    assertEquals(ab0.objects(), back.objects());
    assertEquals(ab0.records(), back.records());
    assertArrayEquals(ab0.run(), back.run());

    files.deleteWindowParts(put, W0);
    assertEquals(
        List.of(AB.partName(W1).substring(SavedParts.PARTS.length())),
        files.fileNames(put, SavedParts.PARTS));
    assertEquals(Optional.empty(), files.readPart(put, AB.partName(W0)));

    files.delete(put, List.of(AB.partName(W1), A.partName(W1)));
    assertEquals(List.of(), files.fileNames(put, SavedParts.PARTS));
    files.writePart(put, AB, ab0);
    files.clear(put);
    assertEquals(List.of(), files.fileNames(put, SavedParts.PARTS));
    assertEquals(List.of(), files.fileNames(put, SavedParts.READ));
  }
}
