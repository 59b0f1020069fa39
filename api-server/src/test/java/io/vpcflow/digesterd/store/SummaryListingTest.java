package io.vpcflow.digesterd.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Both built-in stores list the ids of their summaries ({@code <id>.json}) in name order, page by
 * page after an id, and nothing else: not the digests' lines, other objects, or a deeper folder.
 */
class SummaryListingTest {
  /** With their digests, more objects than one listing answers (1000). */
  private static final int SUMMARIES = 520;

  @TempDir Path temp;

  /** The names the store holds besides the summaries. */
  private static final List<String> OTHERS =
      List.of("readme.txt", "stream/status.json", "not-a-uuid.json");

  private static List<UUID> ids() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < SUMMARIES; i++) {
      ids.add(UUID.nameUUIDFromBytes(("digest " + i).getBytes()));
    }
    return ids;
  }

  /** Reads every page of {@code size} and checks it against the sorted ids. */
  private static void checkPages(DigestStore store, List<UUID> ids, int size) throws Exception {
    List<UUID> expected =
        new TreeSet<>(ids.stream().map(UUID::toString).toList())
            .stream().map(UUID::fromString).toList();
    List<UUID> listed = new ArrayList<>();
    String after = null;
    for (int page = 0; page < 1000; page++) {
      List<UUID> got = store.summaryIds(after, size).orElseThrow();
      if (got.isEmpty()) {
        break;
      }
      listed.addAll(got);
      after = got.get(got.size() - 1).toString();
    }
    assertEquals(
        expected.size(),
        listed.size(),
        "listed " + listed.size() + " of " + expected.size() + " with pages of " + size);
    assertEquals(expected, listed);
  }

  @Test
  void s3StoreListsItsSummariesPastOneListingPage() throws Exception {
    try (EmbeddedS3Server server = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(server)) {
      client.createBucket(b -> b.bucket("digests"));
      List<UUID> ids = ids();
      for (UUID id : ids) {
        client.putObject(
            b -> b.bucket("digests").key("p/" + id + ".json"), RequestBody.fromString("{}"));
        client.putObject(
            b -> b.bucket("digests").key("p/" + id + ".log.gz"), RequestBody.fromString(""));
      }
      for (String other : OTHERS) {
        client.putObject(b -> b.bucket("digests").key("p/" + other), RequestBody.fromString("{}"));
      }
      DigestStore store = new S3DigestStore(client, StoreLocation.parse("s3://digests/p/"));
      checkPages(store, ids, 500);
      checkPages(store, ids, 37);
    }
  }

  @Test
  void directoryStoreListsItsSummaries() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("digests"));
    List<UUID> ids = ids().subList(0, 40);
    for (UUID id : ids) {
      Files.writeString(dir.resolve(id + ".json"), "{}");
      Files.writeString(dir.resolve(id + ".log.gz"), "");
    }
    for (String other : OTHERS) {
      Files.createDirectories(dir.resolve(other).getParent());
      Files.writeString(dir.resolve(other), "{}");
    }
    checkPages(new DirectoryDigestStore(StoreLocation.parse(dir.toUri().toString())), ids, 6);
    assertEquals(
        List.of(),
        new DirectoryDigestStore(StoreLocation.parse(temp.resolve("none").toUri().toString()))
            .summaryIds(null, 5)
            .orElseThrow());
  }
}
