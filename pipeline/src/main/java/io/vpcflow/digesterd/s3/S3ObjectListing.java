package io.vpcflow.digesterd.s3;

import io.vpcflow.digesterd.layout.ObjectListing;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Delimiter listing of one S3 bucket with ListObjectsV2, following continuation tokens. */
public final class S3ObjectListing implements ObjectListing {
  private final S3Client client;
  private final String bucket;

  /** Lists {@code bucket} with {@code client} (not closed by this class). */
  public S3ObjectListing(S3Client client, String bucket) {
    this.client = client;
    this.bucket = bucket;
  }

  @Override
  public Level list(String prefix) throws IOException {
    List<ListedObject> objects = new ArrayList<>();
    List<String> folders = new ArrayList<>();
    ListObjectsV2Request request =
        ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).delimiter("/").build();
    try {
      for (ListObjectsV2Response page : client.listObjectsV2Paginator(request)) {
        for (S3Object object : page.contents()) {
          objects.add(new ListedObject(object.key(), object.size()));
        }
        for (CommonPrefix folder : page.commonPrefixes()) {
          folders.add(folder.prefix());
        }
      }
    } catch (SdkException e) {
      throw new IOException("cannot list s3://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
    }
    return new Level(objects, folders);
  }

  @Override
  public String uriOf(String key) {
    return "s3://" + bucket + "/" + key;
  }
}
