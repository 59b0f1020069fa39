package io.vpcflow.digesterd.store;

import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.stream.StreamStatus;
import io.vpcflow.digesterd.stream.StreamStatusJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Reads the status document a stream writes ({@code status.json} in the stream's folder, next to
 * its resume point), from S3 or a local directory. The stream may run in another process or on
 * other machines: this document is how the API sees it. Thread-safe.
 */
public final class StreamStatusReader {
  private static final String NAME = "status.json";

  private final S3Client client;
  private final StoreLocation folder;

  /**
   * @param client a client of the bucket, for an S3 folder (not closed here)
   * @param folder the stream's folder ({@code stream/} under the progress location)
   */
  public StreamStatusReader(S3Client client, StoreLocation folder) {
    this.client = client;
    this.folder = folder;
  }

  /** Where the document is read from. */
  public String uri() {
    return folder.toString() + NAME;
  }

  /**
   * The stored document, or empty when no stream has written one here.
   *
   * @throws IOException when the store cannot be reached or the object is not a stream status
   */
  public Optional<StreamStatus> read() throws IOException {
    Optional<byte[]> bytes = folder.isS3() ? fromS3() : fromDirectory();
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(StreamStatusJson.read(new String(bytes.get(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IOException(uri() + " is not a stream status: " + e.getMessage(), e);
    }
  }

  private Optional<byte[]> fromS3() throws IOException {
    String key = folder.keyPrefix() + NAME;
    try {
      return Optional.of(
          client.getObjectAsBytes(b -> b.bucket(folder.bucket()).key(key)).asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw new IOException("cannot read " + uri() + ": " + e.getMessage(), e);
    }
  }

  private Optional<byte[]> fromDirectory() throws IOException {
    try {
      return Optional.of(Files.readAllBytes(folder.directory().resolve(folder.keyPrefix() + NAME)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
