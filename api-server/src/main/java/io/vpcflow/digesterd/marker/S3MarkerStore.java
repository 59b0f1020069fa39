package io.vpcflow.digesterd.marker;

import io.vpcflow.digesterd.location.StoreLocation;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Markers as S3 objects {@code <prefix><id>_in_progress}, claimed with a conditional PUT ({@code
 * If-None-Match: *}) and replaced with {@code If-Match: <ETag>}: Amazon S3 and s3proxy answer 412
 * (or 409 for a concurrent conditional write) to the losers, so each transition has one winner.
 */
public final class S3MarkerStore implements MarkerStore {
  private static final String SUFFIX = "_in_progress";

  private final S3Client client;
  private final StoreLocation location;

  /**
   * @param client a client of the bucket (not closed here)
   * @param location the S3 bucket and key prefix of the markers
   */
  public S3MarkerStore(S3Client client, StoreLocation location) {
    if (!location.isS3()) {
      throw new IllegalArgumentException("markers need an S3 location, got " + location);
    }
    this.client = client;
    this.location = location;
  }

  /** The object key of the marker of {@code id}. */
  public String key(UUID id) {
    return location.keyPrefix() + id + SUFFIX;
  }

  @Override
  public Optional<StoredMarker> read(UUID id) throws IOException {
    try {
      ResponseBytes<GetObjectResponse> object =
          client.getObjectAsBytes(b -> b.bucket(location.bucket()).key(key(id)));
      Marker marker = MarkerJson.read(id, object.asByteArray(), object.response().lastModified());
      return Optional.of(new StoredMarker(marker, object.response().eTag()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw new IOException(
          "cannot read marker s3://" + location.bucket() + "/" + key(id) + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public Optional<String> create(UUID id, Marker marker) throws IOException {
    return put(id, marker, PutObjectRequest.builder().ifNoneMatch("*"));
  }

  @Override
  public Optional<String> replace(UUID id, Marker marker, String version) throws IOException {
    return put(id, marker, PutObjectRequest.builder().ifMatch(version));
  }

  private Optional<String> put(UUID id, Marker marker, PutObjectRequest.Builder request)
      throws IOException {
    try {
      return Optional.of(
          client
              .putObject(
                  request
                      .bucket(location.bucket())
                      .key(key(id))
                      .contentType("application/json")
                      .build(),
                  RequestBody.fromBytes(MarkerJson.write(marker)))
              .eTag());
    } catch (S3Exception e) {
      if (lostRace(e)) {
        return Optional.empty();
      }
      throw new IOException(
          "cannot write marker s3://" + location.bucket() + "/" + key(id) + ": " + e.getMessage(),
          e);
    } catch (SdkException e) {
      throw new IOException(
          "cannot write marker s3://" + location.bucket() + "/" + key(id) + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * 412: the condition failed; 409: a concurrent conditional write won; 404 on a key (not a
   * bucket): the marker was deleted since it was read.
   */
  private static boolean lostRace(S3Exception e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    return e.statusCode() == 412
        || e.statusCode() == 409
        || (e.statusCode() == 404 && !"NoSuchBucket".equals(code));
  }
}
