package io.vpcflow.digesterd.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class BucketPurposeTest {
  @Test
  void s3UrisGetTheBucketsSchemeForBeamAndAreShownAsS3Again() {
    assertEquals(
        "s3+storage://digests/out/x.json",
        BucketPurpose.STORAGE.resourceName("s3://digests/out/x.json"));
    assertEquals("s3+progress://p/m/", BucketPurpose.PROGRESS.resourceName("s3://p/m/"));
    assertEquals("s3://logs/a", BucketPurpose.FLOW_LOGS.resourceName("s3://logs/a"));
    assertEquals(
        "/var/digests/x.json",
        BucketPurpose.STORAGE.resourceName("/var/digests/x.json"),
        "local paths stay");
    assertEquals(
        "cannot write s3://digests/x (copied from s3://p/y)",
        BucketPurpose.display(
            "cannot write s3+storage://digests/x (copied from s3+progress://p/y)"));
    assertNull(BucketPurpose.display(null));
  }

  @Test
  void aResourceNameIsInTheBucketOfItsScheme() {
    assertEquals(
        Optional.of(BucketPurpose.STORAGE), BucketPurpose.ofResourceName("s3+storage://d/x.json"));
    assertEquals(
        Optional.of(BucketPurpose.PROGRESS), BucketPurpose.ofResourceName("s3+progress://p/"));
    assertEquals(Optional.of(BucketPurpose.FLOW_LOGS), BucketPurpose.ofResourceName("s3://l/a"));
    assertEquals(Optional.empty(), BucketPurpose.ofResourceName("/var/digests/x.json"));
    assertEquals(Optional.empty(), BucketPurpose.ofResourceName("file:///var/digests/x.json"));
    assertTrue(BucketPurpose.STORAGE.holds("s3+storage://d/x"));
    assertFalse(BucketPurpose.STORAGE.holds("s3://d/x"));
  }

  @Test
  void anObjectsNameGivesItsBucketAndKeyWhateverTheScheme() {
    assertEquals(
        new S3ObjectName("digests", "out/stream/parts/a.part"),
        S3ObjectName.of("s3+storage://digests/out/stream/parts/a.part"));
    assertEquals(new S3ObjectName("logs", "k"), S3ObjectName.of("s3://logs/k"));
    for (String notAnObject : List.of("s3://bucket", "s3://bucket/", "/var/x", "bucket/key")) {
      assertThrows(IllegalArgumentException.class, () -> S3ObjectName.of(notAnObject), notAnObject);
    }
  }

  @Test
  void aPrefixMayBeTheWholeBucket() {
    assertEquals(new S3ObjectName("d", ""), S3ObjectName.prefixOf("s3+storage://d/"));
    assertEquals(
        new S3ObjectName("d", "stream/parts/2024"),
        S3ObjectName.prefixOf("s3://d/stream/parts/2024"));
    for (String notAPrefix : List.of("s3://bucket", "/var/x", "bucket/key")) {
      assertThrows(
          IllegalArgumentException.class, () -> S3ObjectName.prefixOf(notAPrefix), notAPrefix);
    }
  }

  @Test
  void aBucketWithoutItsOwnRegionOrRoleUsesTheBaseOnes() {
    BucketAccessOptions options = PipelineOptionsFactory.create().as(BucketAccessOptions.class);
    options.setAwsRegion(Region.CA_CENTRAL_1);
    options.setStorageRegion("eu-west-1");
    options.setStorageRole("arn:aws:iam::111122223333:role/w");
    assertEquals(Region.EU_WEST_1, BucketPurpose.STORAGE.region(options));
    assertEquals(
        Optional.of("arn:aws:iam::111122223333:role/w"), BucketPurpose.STORAGE.role(options));
    assertEquals(Region.CA_CENTRAL_1, BucketPurpose.PROGRESS.region(options));
    assertEquals(Optional.empty(), BucketPurpose.FLOW_LOGS.role(options));
  }
}
