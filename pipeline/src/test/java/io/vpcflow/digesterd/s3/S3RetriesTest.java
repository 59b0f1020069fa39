package io.vpcflow.digesterd.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vpcflow.digesterd.pipeline.DigestOptions;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.testing.FaultProxy;
import io.vpcflow.digesterd.testing.S3Fixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.beam.sdk.io.aws2.common.HttpClientConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 clients' retries, over the wire through a fault-injecting proxy to a real S3 server. */
class S3RetriesTest {
  private static EmbeddedS3Server server;
  private FaultProxy proxy;
  private S3Client client;

  @BeforeAll
  static void startServer() throws Exception {
    server = EmbeddedS3Server.inMemory();
    try (S3Client direct = S3Fixture.client(server)) {
      direct.createBucket(b -> b.bucket("retries"));
      direct.putObject(b -> b.bucket("retries").key("k"), RequestBody.fromString("value"));
    }
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @BeforeEach
  void connect() throws Exception {
    proxy = FaultProxy.start(server.endpoint());
    DigestOptions options = S3Fixture.options(server);
    options.setEndpoint(proxy.endpoint());
    options.setS3MaxAttempts(3);
    options.setS3MaxBackoffMillis(200);
    options.setHttpClientConfiguration(
        HttpClientConfiguration.builder().socketTimeout(1000).connectionTimeout(1000).build());
    client = S3ClientFactory.client(options);
  }

  @AfterEach
  void close() throws Exception {
    client.close();
    proxy.close();
  }

  private String get() {
    return new String(
        client.getObjectAsBytes(b -> b.bucket("retries").key("k")).asByteArray(),
        StandardCharsets.UTF_8);
  }

  @Test
  void throttlingAnswersAreRetriedUpToTheAttempts() {
    proxy.throttleNext(2);
    assertEquals("value", get());
    assertEquals(2, proxy.throttled());
    proxy.throttleNext(3);
    SdkException e = assertThrows(SdkException.class, this::get);
    assertEquals(3, proxy.throttled() - 2, e.getMessage());
  }

  @Test
  void aRequestThatOutlastsTheSocketTimeoutIsRetried() {
    proxy.delayNext(2, Duration.ofMillis(2500));
    assertEquals("value", get());
    assertEquals(2, proxy.delayed());
  }

  @Test
  void s3DownFailsAfterTheAttemptsAndWorksWhenBack() {
    proxy.down();
    assertThrows(SdkException.class, this::get);
    proxy.up();
    assertEquals("value", get());
  }
}
