package io.vpcflow.digesterd.store;

import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.source.StoreLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

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
    String key = location.keyPrefix() + id + ".json";
    try {
      client.headObject(b -> b.bucket(location.bucket()).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404 && !"NoSuchBucket".equals(code(e))) {
        return false;
      }
      throw failure(key, e);
    } catch (SdkException e) {
      throw failure(key, e);
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
      throw failure(key, e);
    }
  }

  @Override
  public Optional<DigestSummary> summary(UUID id) throws IOException {
    String key = location.keyPrefix() + id + ".json";
    try {
      byte[] json = client.getObjectAsBytes(b -> b.bucket(location.bucket()).key(key)).asByteArray();
      return Optional.of(DigestSummaryJson.read(new String(json, StandardCharsets.UTF_8)));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw failure(key, e);
    }
  }

  private static String code(S3Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  private IOException failure(String key, SdkException e) {
    return new IOException("cannot read s3://" + location.bucket() + "/" + key + ": " + e.getMessage(), e);
  }
}
