package io.vpcflow.digesterd.apitesting;

import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** What is in buckets of a real S3 server. */
public final class Buckets {
  private Buckets() {}

  /** Every key in {@code buckets}, as {@code bucket/key}. */
  public static Set<String> keys(S3Client client, String... buckets) {
    Set<String> keys = new TreeSet<>();
    for (String bucket : buckets) {
      for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
        keys.add(bucket + "/" + object.key());
      }
    }
    return keys;
  }
}
