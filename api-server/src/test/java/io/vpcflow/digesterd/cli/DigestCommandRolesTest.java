package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.logging.LogStreams;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.testing.BucketRoles;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.HandFixture;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.testing.StsStub;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code digest} command configured with a region and a role per bucket ({@code *_REGION},
 * {@code *_ROLE}, {@code AWS_ENDPOINT_URL_STS}), end to end over the wire: see {@link BucketRoles}.
 * Only each bucket's own role may use it, so the digest exists only if every request was signed
 * right; the recording proxy shows each bucket's requests signed by its role for its region, and
 * the roles assumed with the base credentials.
 */
class DigestCommandRolesTest {
  @TempDir Path temp;

  @Test
  void theDigestCommandReachesEachBucketWithItsOwnRoleAndRegion() throws Exception {
    digestWithRoles(env -> env);
  }

  @Test
  void theUpstreamVariableNamesOfRegionsAndRolesWorkTheSame() throws Exception {
    digestWithRoles(
        env -> {
          Map<String, String> upstream = new java.util.HashMap<>();
          env.forEach(
              (name, value) ->
                  upstream.put(
                      name.replaceFirst(
                          "^(VPC_FLOW_LOGS|DIGEST_STORAGE|DIGEST_PROGRESS)_(REGION|ROLE)$",
                          "$1_BUCKET_$2"),
                      value));
          assertTrue(
              upstream.containsKey("VPC_FLOW_LOGS_BUCKET_ROLE")
                  && !upstream.containsKey("VPC_FLOW_LOGS_ROLE"),
              upstream.toString());
          return upstream;
        });
  }

  private void digestWithRoles(java.util.function.UnaryOperator<Map<String, String>> spelling)
      throws Exception {
    try (BucketRoles roles = BucketRoles.start("cli-logs", "cli-digests", "cli-progress");
        S3Client admin = roles.admin()) {
      HandFixture.write(new S3ObjectSink(admin, "cli-logs", ""));
      Map<String, String> env = spelling.apply(roles.env());
      Path copy = temp.resolve("copy.log.gz");

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream stdout = System.out;
      PrintStream stderr = System.err;
      int exit;
      try {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        CommandLine cli = DigesterdCommand.commandLine(env, new LogStreams(out, err));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        exit =
            cli.execute(
                "digest",
                "--start",
                HandFixture.START,
                "--stop",
                HandFixture.STOP,
                "--out",
                copy.toString(),
                // progress files, as a run on a Flink cluster writes them: in the progress bucket
                "--progressLocation=s3://cli-progress/runs/cli.progress/");
      } finally {
        System.setOut(stdout);
        System.setErr(stderr);
      }
      String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
      assertEquals(0, exit, printed);

      String id = HandFixture.DIGEST_ID;
      assertEquals(
          HandFixture.EXPECTED_DIGEST,
          Gzip.gunzip(S3Fixture.get(admin, "cli-digests", id + ".log.gz")));
      assertEquals(
          HandFixture.EXPECTED_DIGEST,
          Gzip.gunzip(Files.readAllBytes(copy)),
          "the local copy, read as the storage bucket");
      String json =
          new String(S3Fixture.get(admin, "cli-digests", id + ".json"), StandardCharsets.UTF_8);
      assertTrue(json.contains("\"s3://cli-digests/" + id + ".log.gz\""), json);
      assertFalse(json.contains("s3+") || printed.contains("s3+"), printed + json);
      assertTrue(printed.contains("s3://cli-digests/"), printed);

      assertEquals(
          roles.expectedSigners(),
          roles.requests().signersByBucket(),
          "who signed for which region, by bucket");
      assertTrue(
          methods(roles, "cli-digests").containsAll(Set.of("PUT", "GET")),
          "digest written and copied");
      assertTrue(methods(roles, "cli-progress").contains("PUT"), "progress files written");
      assertTrue(
          roles.sts().calls().stream()
              .allMatch(
                  c ->
                      c.granted()
                          && c.accessKeyId().equals(BucketRoles.BASE_KEY)
                          && c.region().equals(BucketRoles.BASE_REGION)),
          roles.sts().calls().toString());
      assertEquals(
          Set.of(BucketRoles.FLOW_LOGS_ROLE, BucketRoles.STORAGE_ROLE, BucketRoles.PROGRESS_ROLE),
          roles.sts().calls().stream().map(StsStub.Call::roleArn).collect(Collectors.toSet()));
    }
  }

  private static Set<String> methods(BucketRoles roles, String bucket) {
    return roles.requests().to(bucket).stream().map(r -> r.method()).collect(Collectors.toSet());
  }
}
