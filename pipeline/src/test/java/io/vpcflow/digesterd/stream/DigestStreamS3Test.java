package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Streaming mode's acceptance scenario ({@link StreamAcceptance}) on the DirectRunner. */
class DigestStreamS3Test {
  @Test
  void eachClosedWindowIsDigestedOnceAsTheBatchPathDigestsIt() throws Exception {
    try (EmbeddedS3Server server = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(server)) {
      S3Fixture.createBuckets(client, "stream-logs", "digests");
      StreamAcceptance.run(server, options -> {}, Duration.ofSeconds(20));
    }
  }
}
