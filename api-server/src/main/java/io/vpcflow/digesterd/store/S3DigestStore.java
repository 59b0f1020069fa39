package io.vpcflow.digesterd.store;

import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The digests the pipeline wrote to an S3 storage location ({@code DIGEST_STORAGE_BUCKET}). */
public final class S3DigestStore implements DigestStore {
  private final S3Client client;
  private final StoreLocation location;

  /**
   * @param client a client of the bucket (not closed here)
   * @param location the bucket and key prefix the pipeline writes to
   */
  public S3DigestStore(S3Client client, StoreLocation location) {
    if (!location.isS3()) {
      throw new IllegalArgumentException("not an S3 location: " + location);
    }
    this.client = client;
    this.location = location;
  }

  @Override
  public boolean exists(UUID id) throws IOException {
    return summary(id).map(DigestSummary::succeeded).orElse(false);
  }

  @Override
  public void recordFailure(DigestSummary failure) throws IOException {
    String key = location.keyPrefix() + failure.id() + ".json";
    Optional<ResponseBytes<GetObjectResponse>> current = summaryObject(key);
    if (current.isPresent() && parse(key, current.get().asByteArray()).succeeded()) {
      return;
    }
    PutObjectRequest.Builder put =
        PutObjectRequest.builder()
            .bucket(location.bucket())
            .key(key)
            .contentType("application/json");
    if (current.isPresent()) {
      put.ifMatch(current.get().response().eTag());
    } else {
      put.ifNoneMatch("*");
    }
    try {
      client.putObject(
          put.build(),
          RequestBody.fromString(DigestSummaryJson.write(failure), StandardCharsets.UTF_8));
    } catch (S3Exception e) {
      if (e.statusCode() != 412 && e.statusCode() != 409) {
        throw failure("write", key, e);
      }
    } catch (SdkException e) {
      throw failure("write", key, e);
    }
  }

  @Override
  public Optional<InputStream> open(UUID id) throws IOException {
    String key = location.keyPrefix() + id + ".log.gz";
    try {
      return Optional.of(client.getObject(b -> b.bucket(location.bucket()).key(key)));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw failure("read", key, e);
    }
  }

  @Override
  public Optional<DigestSummary> summary(UUID id) throws IOException {
    String key = location.keyPrefix() + id + ".json";
    Optional<ResponseBytes<GetObjectResponse>> json = summaryObject(key);
    return json.isEmpty() ? Optional.empty() : Optional.of(parse(key, json.get().asByteArray()));
  }

  @Override
  public Optional<List<UUID>> summaryIds(String after, int max) throws IOException {
    List<UUID> ids = new ArrayList<>();
    String startAfter = after == null ? null : location.keyPrefix() + after + ".json";
    try {
      while (ids.size() < max) {
        String from = startAfter;
        ListObjectsV2Response page =
            client.listObjectsV2(
                b ->
                    b.bucket(location.bucket())
                        .prefix(location.keyPrefix())
                        .delimiter("/")
                        .startAfter(from)
                        .maxKeys(1000));
        for (S3Object object : page.contents()) {
          SummaryNames.id(object.key().substring(location.keyPrefix().length()))
              .ifPresent(ids::add);
          startAfter = object.key();
          if (ids.size() == max) {
            break;
          }
        }
        if (!Boolean.TRUE.equals(page.isTruncated())) {
          break;
        }
      }
    } catch (SdkException e) {
      throw failure("list", location.keyPrefix(), e);
    }
    return Optional.of(ids);
  }

  private Optional<ResponseBytes<GetObjectResponse>> summaryObject(String key) throws IOException {
    try {
      return Optional.of(client.getObjectAsBytes(b -> b.bucket(location.bucket()).key(key)));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw failure("read", key, e);
    }
  }

  private DigestSummary parse(String key, byte[] json) throws IOException {
    try {
      return DigestSummaryJson.read(new String(json, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IOException(
          "s3://" + location.bucket() + "/" + key + " is not a digest summary: " + e.getMessage(),
          e);
    }
  }

  private IOException failure(String verb, String key, SdkException e) {
    return new IOException(
        "cannot " + verb + " s3://" + location.bucket() + "/" + key + ": " + e.getMessage(), e);
  }
}
