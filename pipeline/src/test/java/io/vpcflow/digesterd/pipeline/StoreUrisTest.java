package io.vpcflow.digesterd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

class StoreUrisTest {
  private static DigestOptions options(String storage, String progress) {
    DigestOptions options = PipelineOptionsFactory.create().as(DigestOptions.class);
    options.setStorageBucket(storage);
    options.setProgressBucket(progress);
    return options;
  }

  @Test
  void aUriIsReachedAsTheBucketWhoseLocationHoldsIt() {
    DigestOptions options = options("s3://shared/digests/", "s3://shared/progress/");
    assertEquals(
        "s3+progress://shared/progress/x.progress/",
        StoreUris.resourceName(options, "s3://shared/progress/x.progress/"));
    assertEquals(
        "s3+storage://shared/digests/stream/state.json",
        StoreUris.resourceName(options, "s3://shared/digests/stream/state.json"));
    assertEquals(
        "s3://shared/elsewhere/state.json",
        StoreUris.resourceName(options, "s3://shared/elsewhere/state.json"),
        "as the flow logs");
    assertEquals("/tmp/state.json", StoreUris.resourceName(options, "/tmp/state.json"));
    assertEquals("", StoreUris.resourceName(options, ""));
  }

  @Test
  void theLongerLocationWinsAndProgressOnATie() {
    assertEquals(
        "s3+storage://bkt/p/digests/x",
        StoreUris.resourceName(
            options("s3://bkt/p/digests/", "s3://bkt/p/"), "s3://bkt/p/digests/x"));
    assertEquals(
        "s3+progress://bkt/x", StoreUris.resourceName(options("bkt", "s3://bkt/"), "s3://bkt/x"));
    assertEquals(
        "s3+storage://bkt/x",
        StoreUris.resourceName(options("bkt", ""), "s3://bkt/x"),
        "no progress bucket");
  }
}
