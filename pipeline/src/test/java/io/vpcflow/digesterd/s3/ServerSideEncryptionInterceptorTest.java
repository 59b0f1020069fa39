package io.vpcflow.digesterd.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vpcflow.digesterd.pipeline.DigestOptions;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Clients made with server-side encryption in their options write every object encrypted, by
 * PutObject, multipart upload or copy, unless the request names its own; checked on the objects a
 * real S3 server (s3proxy, which records and returns the encryption) keeps. The bucket's own
 * default is SSE-KMS with another key, so that each object shows who chose its encryption.
 */
class ServerSideEncryptionInterceptorTest {
  private static final String KEY_ID = "arn:aws:kms:us-east-1:123456789012:key/digests";
  private static final String BUCKET_KEY_ID =
      "arn:aws:kms:us-east-1:123456789012:key/bucket-default";

  private static EmbeddedS3Server server;
  private static S3Client plain;

  @BeforeAll
  static void start() throws Exception {
    server = EmbeddedS3Server.inMemory();
    plain = S3Fixture.client(server);
    plain.createBucket(b -> b.bucket("sse"));
    S3Fixture.defaultKmsKey(plain, "sse", BUCKET_KEY_ID);
  }

  @AfterAll
  static void stop() throws Exception {
    plain.close();
    server.close();
  }

  private static S3Client client(String algorithm, String keyId) {
    DigestOptions options = S3Fixture.options(server);
    options.setSSEAlgorithm(algorithm);
    options.setSSEKMSKeyId(keyId);
    return S3ClientFactory.client(options);
  }

  private static HeadObjectResponse head(String key) {
    return plain.headObject(b -> b.bucket("sse").key(key));
  }

  @Test
  void everyWriteOfAKmsClientIsEncryptedWithItsKey() {
    try (S3Client kms = client("aws:kms", KEY_ID)) {
      kms.putObject(b -> b.bucket("sse").key("put"), RequestBody.fromString("put"));
      String upload = kms.createMultipartUpload(b -> b.bucket("sse").key("multipart")).uploadId();
      String etag =
          kms.uploadPart(
                  b -> b.bucket("sse").key("multipart").uploadId(upload).partNumber(1),
                  RequestBody.fromString("part"))
              .eTag();
      kms.completeMultipartUpload(
          b ->
              b.bucket("sse")
                  .key("multipart")
                  .uploadId(upload)
                  .multipartUpload(
                      m ->
                          m.parts(
                              List.of(CompletedPart.builder().partNumber(1).eTag(etag).build()))));
      kms.copyObject(
          b ->
              b.sourceBucket("sse")
                  .sourceKey("put")
                  .destinationBucket("sse")
                  .destinationKey("copy"));
    }
    for (String key : List.of("put", "multipart", "copy")) {
      assertEquals(ServerSideEncryption.AWS_KMS, head(key).serverSideEncryption(), key);
      assertEquals(KEY_ID, head(key).ssekmsKeyId(), key);
    }
  }

  @Test
  void anAes256ClientWritesSseS3AndARequestsOwnChoiceIsKept() {
    try (S3Client aes = client("AES256", null)) {
      aes.putObject(b -> b.bucket("sse").key("aes"), RequestBody.fromString("aes"));
      aes.putObject(
          b ->
              b.bucket("sse")
                  .key("own")
                  .serverSideEncryption(ServerSideEncryption.AWS_KMS)
                  .ssekmsKeyId("own-key"),
          RequestBody.fromString("own"));
    }
    assertEquals(ServerSideEncryption.AES256, head("aes").serverSideEncryption());
    assertNull(head("aes").ssekmsKeyId());
    assertEquals("own-key", head("own").ssekmsKeyId());
  }

  @Test
  void aClientWithoutEncryptionLeavesItToTheBucket() {
    plain.putObject(b -> b.bucket("sse").key("none"), RequestBody.fromString("none"));
    assertEquals(BUCKET_KEY_ID, head("none").ssekmsKeyId());
  }
}
