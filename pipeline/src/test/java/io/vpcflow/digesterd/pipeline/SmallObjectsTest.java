package io.vpcflow.digesterd.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.s3.BucketPurpose;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Small objects written, read, listed and deleted in a local folder and in a bucket of s3proxy,
 * with the same outcomes.
 */
class SmallObjectsTest {
  @TempDir Path temp;

  @Test
  void inALocalFolder() throws Exception {
    PipelineOptions options = PipelineOptionsFactory.create();
    FileSystems.setDefaultPipelineOptions(options);
    String folder = temp + "/state/";
    try (SmallObjects objects = SmallObjects.under(folder, options)) {
      putGetListAndDelete(objects, folder);
    }
  }

  @Test
  void inABucket() throws Exception {
    try (EmbeddedS3Server server = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(server)) {
      client.createBucket(b -> b.bucket("state"));
      PipelineOptions options = S3Fixture.options(server);
      String folder = BucketPurpose.STORAGE.resourceName("s3://state/stream/");
      try (SmallObjects objects = SmallObjects.under(folder, options)) {
        putGetListAndDelete(objects, folder);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
          many.add(folder + "many/" + i);
          objects.put(folder + "many/" + i, new byte[] {1});
        }
        assertEquals(1001, objects.fileNames(folder + "many/").size(), "listed across pages");
        objects.delete(many);
        assertEquals(List.of(), objects.fileNames(folder + "many/"), "deleted in two requests");
      }
    }
  }

  @Test
  void aMissingBucketIsAnErrorNamingIt() throws Exception {
    try (EmbeddedS3Server server = EmbeddedS3Server.inMemory();
        SmallObjects objects =
            SmallObjects.under("s3://no-such-bucket/x/", S3Fixture.options(server))) {
      IOException e =
          assertThrows(IOException.class, () -> objects.fileNames("s3://no-such-bucket/x/"));
      assertTrue(e.getMessage().startsWith("cannot list s3://no-such-bucket/x/"), e.getMessage());
      e = assertThrows(IOException.class, () -> objects.get("s3://no-such-bucket/x/a"));
      assertTrue(e.getMessage().startsWith("cannot get s3://no-such-bucket/x/a"), e.getMessage());
    }
  }

  private static void putGetListAndDelete(SmallObjects objects, String folder) throws Exception {
    assertEquals(List.of(), objects.fileNames(folder + "parts/"), "nothing written yet");
    assertEquals(Optional.empty(), objects.get(folder + "parts/a-1"));
    objects.put(folder + "parts/a-1", new byte[] {1, 2});
    objects.put(folder + "parts/a-2", new byte[] {3});
    objects.put(folder + "parts/b-1", new byte[] {4});
    objects.put(folder + "parts/deeper/a-3", new byte[] {5});
    objects.put(folder + "parts/a-1", new byte[] {6, 7, 8});

    assertArrayEquals(new byte[] {6, 7, 8}, objects.get(folder + "parts/a-1").orElseThrow());
    assertEquals(List.of("a-1", "a-2"), sorted(objects.fileNames(folder + "parts/a-")));
    assertEquals(
        List.of("a-1", "a-2", "b-1"),
        sorted(objects.fileNames(folder + "parts/")),
        "objects of sub-folders are not listed");

    objects.delete(List.of(folder + "parts/a-1", folder + "parts/never-written"));
    assertEquals(List.of("a-2", "b-1"), sorted(objects.fileNames(folder + "parts/")));
    assertEquals(Optional.empty(), objects.get(folder + "parts/a-1"));
    objects.delete(List.of());
  }

  private static List<String> sorted(List<String> names) {
    return names.stream().sorted().toList();
  }
}
