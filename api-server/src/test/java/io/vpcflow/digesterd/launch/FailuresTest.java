package io.vpcflow.digesterd.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class FailuresTest {
  @Test
  void bucketUrisAreShownAsS3() {
    Exception failure =
        new IOException(
            "digest failed",
            new IOException("cannot rename s3+storage://digests/x.tmp to s3+storage://digests/x"));
    assertEquals(
        "digest failed <- cannot rename s3://digests/x.tmp to s3://digests/x",
        Failures.describe(failure));
  }
}
