package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.s3.BucketPurpose;
import io.vpcflow.digesterd.s3.S3ClientFactory;
import java.io.IOException;
import java.util.Optional;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Writes small objects whole: a reader sees either no object or all of its bytes, never part of
 * them. Close it when done.
 */
public interface ObjectPut extends AutoCloseable {
  /**
   * Writes {@code bytes} as the object {@code uri}, replacing any object there.
   *
   * @throws IOException when the store fails; {@code uri} is then left as it was
   */
  void put(String uri, byte[] bytes) throws IOException;

  @Override
  void close();

  /**
   * The writer for objects at or under {@code location} (a folder or an object): in a bucket
   * ({@code s3://} or a bucket's scheme, {@link BucketPurpose#scheme()}), one {@code PutObject}
   * request per object with that bucket's client from {@code options}; elsewhere (local paths)
   * {@link BeamFiles#writeAtomically}.
   */
  static ObjectPut under(String location, PipelineOptions options) {
    Optional<BucketPurpose> bucket = BucketPurpose.ofResourceName(location);
    if (bucket.isPresent()) {
      return new S3ObjectPut(S3ClientFactory.client(options.as(S3Options.class), bucket.get()));
    }
    return new ObjectPut() {
      @Override
      public void put(String uri, byte[] bytes) throws IOException {
        BeamFiles.writeAtomically(uri, out -> out.write(bytes));
      }

      @Override
      public void close() {}
    };
  }
}
