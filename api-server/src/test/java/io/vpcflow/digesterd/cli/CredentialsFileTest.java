package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.HandFixture;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * AWS_CREDENTIALS_FILE and AWS_CREDENTIALS_PROFILE reach S3 over the wire (s3proxy checks SigV4).
 */
class CredentialsFileTest {
  private static EmbeddedS3Server server;
  private static S3Client client;
  @TempDir Path temp;

  @BeforeAll
  static void start() throws Exception {
    server = EmbeddedS3Server.inMemory();
    client = S3Fixture.client(server);
    client.createBucket(b -> b.bucket("cred-logs"));
    client.createBucket(b -> b.bucket("cred-digests"));
    HandFixture.write(new S3ObjectSink(client, "cred-logs", ""));
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    server.close();
  }

  private int digest(String secret, StringWriter err) throws Exception {
    Path file = temp.resolve("credentials");
    Files.writeString(
        file,
        "[default]\naws_access_key_id = nobody\naws_secret_access_key = nothing\n\n"
            + "[digesterd]\naws_access_key_id = "
            + EmbeddedS3Server.ACCESS_KEY
            + "\naws_secret_access_key = "
            + secret
            + "\n");
    Map<String, String> env =
        Map.of(
            "VPC_FLOW_LOGS_BUCKET",
            "cred-logs",
            "DIGEST_STORAGE_BUCKET",
            "cred-digests",
            "AWS_ENDPOINT_URL",
            server.endpoint().toString(),
            "AWS_REGION",
            EmbeddedS3Server.REGION,
            "AWS_CREDENTIALS_FILE",
            file.toString(),
            "AWS_CREDENTIALS_PROFILE",
            "digesterd");
    CommandLine cli = DigesterdCommand.commandLine(env);
    cli.setErr(new PrintWriter(err, true));
    return cli.execute("digest", "--start", HandFixture.START, "--stop", HandFixture.STOP);
  }

  @Test
  void theProfileOfTheGivenFileSignsTheRequests() throws Exception {
    StringWriter err = new StringWriter();
    assertEquals(0, digest(EmbeddedS3Server.SECRET_KEY, err), err.toString());
    assertEquals(
        HandFixture.EXPECTED_DIGEST,
        Gzip.gunzip(S3Fixture.get(client, "cred-digests", HandFixture.DIGEST_ID + ".log.gz")));
  }

  @Test
  void aWrongSecretInTheProfileIsRefusedByTheServer() {
    StringWriter err = new StringWriter();
    assertNotEquals(0, catchExit(() -> digest("not-the-secret", err)), err.toString());
  }

  private static int catchExit(java.util.concurrent.Callable<Integer> run) {
    try {
      return run.call();
    } catch (Exception e) {
      return -1;
    }
  }
}
