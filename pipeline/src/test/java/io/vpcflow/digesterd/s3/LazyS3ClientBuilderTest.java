package io.vpcflow.digesterd.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

class LazyS3ClientBuilderTest {
  @Test
  void theRealBuilderIsMadeOnFirstUseOnlyAndChainedCallsKeepTheStandIn() {
    AtomicInteger made = new AtomicInteger();
    S3ClientBuilder lazy =
        LazyS3ClientBuilder.of(
            () -> {
              made.incrementAndGet();
              return S3Client.builder().credentialsProvider(AnonymousCredentialsProvider.create());
            });
    assertEquals(0, made.get(), "nothing is made before the first call");
    assertSame(
        lazy, lazy.region(Region.EU_WEST_1).endpointOverride(URI.create("http://127.0.0.1:1")));
    assertEquals(1, made.get());
    try (S3Client client = lazy.build()) {
      assertEquals(Region.EU_WEST_1, client.serviceClientConfiguration().region());
      assertEquals(
          URI.create("http://127.0.0.1:1"),
          client.serviceClientConfiguration().endpointOverride().orElseThrow());
    }
    assertEquals(1, made.get(), "made once");
  }

  @Test
  void theRealBuildersExceptionsPassThroughUnwrapped() {
    S3ClientBuilder lazy =
        LazyS3ClientBuilder.of(
            () -> S3Client.builder().credentialsProvider(AnonymousCredentialsProvider.create()));
    RuntimeException direct =
        assertThrows(
            RuntimeException.class,
            () -> S3Client.builder().endpointOverride(URI.create("no-scheme")));
    RuntimeException forwarded =
        assertThrows(RuntimeException.class, () -> lazy.endpointOverride(URI.create("no-scheme")));
    assertEquals(direct.getClass(), forwarded.getClass());
    assertEquals(direct.getMessage(), forwarded.getMessage());
  }
}
