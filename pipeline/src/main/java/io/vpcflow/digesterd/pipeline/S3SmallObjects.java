package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.layout.ObjectListing.ListedObject;
import io.vpcflow.digesterd.s3.S3ObjectListing;
import io.vpcflow.digesterd.s3.S3ObjectName;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * {@link SmallObjects} in S3: each object written with one {@code PutObject} ({@link
 * S3ObjectSink}), which S3 applies whole or not at all, read with one {@code GetObject}, listed
 * with {@code ListObjectsV2} ({@link S3ObjectListing}: one request per thousand names) and deleted
 * with {@code DeleteObjects} (one request per thousand). URIs are {@code <scheme>://bucket/key}
 * with any scheme ({@link S3ObjectName}). Owns its client and closes it.
 */
final class S3SmallObjects implements SmallObjects {
  private static final int DELETE_BATCH = 1000;

  private final S3Client client;

  S3SmallObjects(S3Client client) {
    this.client = client;
  }

  @Override
  public void put(String uri, byte[] bytes) throws IOException {
    S3ObjectName name = S3ObjectName.of(uri);
    new S3ObjectSink(client, name.bucket(), "").put(name.key(), bytes);
  }

  @Override
  public Optional<byte[]> get(String uri) throws IOException {
    S3ObjectName name = S3ObjectName.of(uri);
    try {
      return Optional.of(
          client.getObjectAsBytes(b -> b.bucket(name.bucket()).key(name.key())).asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw new IOException("cannot get " + uri + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> fileNames(String prefix) throws IOException {
    S3ObjectName name = S3ObjectName.prefixOf(prefix);
    int folder = name.key().lastIndexOf('/') + 1;
    List<String> names = new ArrayList<>();
    for (ListedObject object :
        new S3ObjectListing(client, name.bucket()).list(name.key()).objects()) {
      names.add(object.key().substring(folder));
    }
    return names;
  }

  @Override
  public void delete(Collection<String> uris) throws IOException {
    Map<String, List<ObjectIdentifier>> byBucket = new LinkedHashMap<>();
    for (String uri : uris) {
      S3ObjectName name = S3ObjectName.of(uri);
      byBucket
          .computeIfAbsent(name.bucket(), b -> new ArrayList<>())
          .add(ObjectIdentifier.builder().key(name.key()).build());
    }
    for (Map.Entry<String, List<ObjectIdentifier>> bucket : byBucket.entrySet()) {
      List<ObjectIdentifier> keys = bucket.getValue();
      for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
        deleteBatch(
            bucket.getKey(), keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)));
      }
    }
  }

  private void deleteBatch(String bucket, List<ObjectIdentifier> keys) throws IOException {
    DeleteObjectsResponse response;
    try {
      response =
          client.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
    } catch (SdkException e) {
      throw new IOException(
          "cannot delete " + keys.size() + " objects in " + bucket + ": " + e.getMessage(), e);
    }
    if (response.hasErrors() && !response.errors().isEmpty()) {
      S3Error first = response.errors().get(0);
      throw new IOException(
          "cannot delete "
              + response.errors().size()
              + " objects in "
              + bucket
              + ", the first "
              + first.key()
              + ": "
              + first.message());
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
