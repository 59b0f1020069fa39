package io.vpcflow.digesterd.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.HandFixture;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * {@code DIGEST_STORAGE_SSE=aws:kms}: the digest and {@code <id>.json} (written by the Beam
 * pipeline) and the marker (written by the service) are stored SSE-KMS with the configured key, on
 * a real S3 server (s3proxy) whose buckets default to another key, so each object shows that the
 * service chose its encryption.
 */
class EncryptedStorageTest {
  private static final String KEY_ID = "arn:aws:kms:us-east-1:123456789012:key/digesterd";

  @Test
  void digestsSummariesAndMarkersAreWrittenWithTheConfiguredKmsKey() throws Exception {
    try (EmbeddedS3Server s3 = EmbeddedS3Server.inMemory();
        S3Client client = S3Fixture.client(s3)) {
      ServerEnv.createBuckets(client, "hand-logs");
      HandFixture.write(new S3ObjectSink(client, "hand-logs", ""));
      S3Fixture.defaultKmsKey(client, ServerEnv.DIGESTS, "bucket-default");
      S3Fixture.defaultKmsKey(client, ServerEnv.PROGRESS, "bucket-default");
      ServiceConfig config =
          ServiceConfig.forServer(
              ServerEnv.of(
                  s3,
                  "hand-logs",
                  Map.of("DIGEST_STORAGE_SSE", "aws:kms", "DIGEST_STORAGE_KMS_KEY_ID", KEY_ID)));
      try (DigesterdService service = DigesterdService.builder(config).start()) {
        Api api = new Api(service.uri());
        String window = Api.window(HandFixture.START, HandFixture.STOP);
        assertEquals(202, api.post("/" + window).statusCode());
        HttpResponse<byte[]> digest = api.awaitNot204("/" + window, Duration.ofMinutes(2));
        assertEquals(200, digest.statusCode(), Api.text(digest));
      }
      String id = HandFixture.DIGEST_ID;
      for (String[] object :
          List.of(
              new String[] {ServerEnv.DIGESTS, id + ".log.gz"},
              new String[] {ServerEnv.DIGESTS, id + ".json"},
              new String[] {ServerEnv.PROGRESS, id + "_in_progress"})) {
        HeadObjectResponse head = client.headObject(b -> b.bucket(object[0]).key(object[1]));
        assertEquals(ServerSideEncryption.AWS_KMS, head.serverSideEncryption(), object[1]);
        assertEquals(KEY_ID, head.ssekmsKeyId(), object[1]);
      }
    }
  }
}
