package io.vpcflow.digesterd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.pipeline.DigestOptions;
import io.vpcflow.digesterd.window.DigestWindow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorageEncryptionTest {
  private static StorageEncryption read(Map<String, String> env) {
    return ServiceConfig.fromEnvironment(env).encryption();
  }

  @Test
  void readsNoneAes256AndKmsWithItsKey() {
    assertEquals(StorageEncryption.none(), read(Map.of()));
    assertEquals(StorageEncryption.none(), read(Map.of("DIGEST_STORAGE_SSE", "none")));
    assertEquals(
        new StorageEncryption(Optional.of("AES256"), Optional.empty()),
        read(Map.of("DIGEST_STORAGE_SSE", "aes256")));
    assertEquals(
        new StorageEncryption(Optional.of("aws:kms"), Optional.of("alias/digests")),
        read(
            Map.of("DIGEST_STORAGE_SSE", "aws:kms", "DIGEST_STORAGE_KMS_KEY_ID", "alias/digests")));
  }

  @Test
  void kmsWithoutAKeyAKeyWithoutKmsAndOtherModesAreConfigurationProblems() {
    for (Map<String, String> env :
        List.of(
            Map.of("DIGEST_STORAGE_SSE", "aws:kms"),
            Map.of("DIGEST_STORAGE_SSE", "AES256", "DIGEST_STORAGE_KMS_KEY_ID", "alias/digests"),
            Map.of("DIGEST_STORAGE_KMS_KEY_ID", "alias/digests"),
            Map.of("DIGEST_STORAGE_SSE", "sse-c"))) {
      ConfigException e =
          assertThrows(
              ConfigException.class, () -> ServiceConfig.fromEnvironment(env), env.toString());
      assertEquals(1, e.problems().size(), e.getMessage());
      assertTrue(e.problems().get(0).startsWith("DIGEST_STORAGE_"), e.getMessage());
    }
  }

  @Test
  void reachesBeamsS3Options() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of(
                "VPC_FLOW_LOGS_BUCKET", "logs",
                "DIGEST_STORAGE_BUCKET", "digests",
                "DIGEST_STORAGE_SSE", "aws:kms",
                "DIGEST_STORAGE_KMS_KEY_ID", "alias/digests"));
    DigestOptions options =
        DigestOptionsFactory.create(
            config, DigestWindow.parse("2019-01-01T00:00:00Z", "2019-01-01T01:00:00Z"));
    assertEquals("aws:kms", options.getSSEAlgorithm());
    assertEquals("alias/digests", options.getSSEKMSKeyId());
  }
}
