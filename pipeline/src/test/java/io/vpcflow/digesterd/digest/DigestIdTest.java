package io.vpcflow.digesterd.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DigestIdTest {
  @Test
  void namespaceIsUuidV5OfDigestInNilNamespace() {
    assertEquals(UUID.fromString("e2acb2e7-694f-5d8a-a957-efcf50fc0e8e"), DigestId.NAMESPACE);
  }

  @Test
  void matchesUpstreamForOneHourOf2019() {
    UUID id =
        DigestId.of(Instant.parse("2019-01-01T00:00:00Z"), Instant.parse("2019-01-01T01:00:00Z"));
    assertEquals(UUID.fromString("9740a140-ba85-5600-8b93-7b46eec77617"), id);
  }

  @Test
  void differsBetweenWindows() {
    UUID a =
        DigestId.of(Instant.parse("2019-01-01T00:00:00Z"), Instant.parse("2019-01-01T01:00:00Z"));
    UUID b =
        DigestId.of(Instant.parse("2019-01-01T00:00:00Z"), Instant.parse("2019-01-01T02:00:00Z"));
    assertEquals(5, a.version());
    assertEquals(false, a.equals(b));
  }
}
