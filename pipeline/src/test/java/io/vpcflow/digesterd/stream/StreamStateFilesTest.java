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
        files.writePart(put, new WindowPart(W0, "AWSLogs/a", 10, 100, 3, new byte[] {1, 2, 3}));
        files.writeRead(put, "AWSLogs/a", Instant.parse("2024-05-01T10:05:00Z"));
      }
      assertEquals(
          List.of(
              "stream/" + SavedParts.partName(W0, "AWSLogs/a"),
              "stream/" + SavedParts.readName(Instant.parse("2024-05-01T10:05:00Z"), "AWSLogs/a")),
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
        IOException e =
            assertThrows(
                IOException.class,
                () -> files.writeRead(put, "AWSLogs/a", Instant.parse("2024-05-01T10:05:00Z")));
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
    WindowPart a0 = new WindowPart(W0, "AWSLogs/a", 10, 100, 3, new byte[] {1, 2, 3});
    WindowPart a1 = new WindowPart(W1, "AWSLogs/a", 10, 100, 1, new byte[] {4});
    WindowPart b0 = new WindowPart(W0, "AWSLogs/b", 20, 200, 5, new byte[] {5, 6});
    for (WindowPart part : List.of(a0, a1, b0)) {
      files.writePart(put, part);
    }
    files.writePart(put, a0);
    files.writeRead(put, "AWSLogs/a", Instant.parse("2024-05-01T10:05:00Z"));

    assertEquals(
        3, files.fileNames(put, SavedParts.PARTS).size(), "writing a part again replaces it");
    assertEquals(
        List.of("20240501T100500Z-" + SavedParts.objectId("AWSLogs/a") + ".read"),
        files.fileNames(put, SavedParts.READ));
    WindowPart back = files.readPart(put, SavedParts.partName(W0, "AWSLogs/b")).orElseThrow();
    assertEquals(b0.objectKey(), back.objectKey());
    assertEquals(b0.records(), back.records());
    assertArrayEquals(b0.run(), back.run());

    files.deleteWindowParts(put, W0);
    assertEquals(
        List.of(SavedParts.partName(W1, "AWSLogs/a").substring(SavedParts.PARTS.length())),
        files.fileNames(put, SavedParts.PARTS));
    assertEquals(Optional.empty(), files.readPart(put, SavedParts.partName(W0, "AWSLogs/a")));

    files.delete(
        put,
        List.of(
            SavedParts.partName(W1, "AWSLogs/a"), SavedParts.partName(W1, "AWSLogs/never-saved")));
    assertEquals(List.of(), files.fileNames(put, SavedParts.PARTS));
    files.writePart(put, a0);
    files.clear(put);
    assertEquals(List.of(), files.fileNames(put, SavedParts.PARTS));
    assertEquals(List.of(), files.fileNames(put, SavedParts.READ));
  }
}
