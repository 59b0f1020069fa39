package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Streaming mode's acceptance scenario ({@link StreamAcceptance}) on the DirectRunner. */
class DigestStreamS3Test {
  @Test
  void eachClosedWindowIsDigestedOnceAsTheBatchPathDigestsIt() throws Exception {
    try (EmbeddedS3Server server = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(server)) {
      for (String bucket : List.of("stream-logs", "digests")) {
        client.createBucket(b -> b.bucket(bucket));
      }
      StreamAcceptance.run(server, options -> {}, Duration.ofSeconds(20));
    }
  }
}
