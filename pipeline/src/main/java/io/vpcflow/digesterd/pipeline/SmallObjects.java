package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.s3.BucketPurpose;
import io.vpcflow.digesterd.s3.S3ClientFactory;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Small objects in one store, each written and read whole: a reader sees either no object or all of
 * its bytes, never part of them. Objects are named by URI ({@code <scheme>://bucket/key} or a local
 * path). Close it when done.
 */
public interface SmallObjects extends AutoCloseable {
  /**
   * Writes {@code bytes} as the object {@code uri}, replacing any object there.
   *
   * @throws IOException when the store fails; {@code uri} is then left as it was
   */
  void put(String uri, byte[] bytes) throws IOException;

  /** The whole content of the object {@code uri}, or empty when there is none. */
  Optional<byte[]> get(String uri) throws IOException;

  /**
   * The file names (what follows the last {@code /}) of the objects in the folder of {@code prefix}
   * (up to its last {@code /}) whose names begin with the rest of {@code prefix}; objects in
   * sub-folders are not listed.
   */
  List<String> fileNames(String prefix) throws IOException;

  /** Deletes the objects {@code uris}; those that do not exist are ignored. */
  void delete(Collection<String> uris) throws IOException;

  @Override
  void close();

  /**
   * The objects at or under {@code location} (a folder or an object): in a bucket ({@code s3://} or
   * a bucket's scheme, {@link BucketPurpose#scheme()}), one request per object written, read or
   * listed page, and per thousand deleted, with that bucket's client from {@code options} ({@link
   * S3SmallObjects}); elsewhere (local paths) through Beam's filesystems ({@link BeamFiles}).
   */
  static SmallObjects under(String location, PipelineOptions options) {
    Optional<BucketPurpose> bucket = BucketPurpose.ofResourceName(location);
    if (bucket.isPresent()) {
      return new S3SmallObjects(S3ClientFactory.client(options.as(S3Options.class), bucket.get()));
    }
    return new LocalSmallObjects();
  }
}
