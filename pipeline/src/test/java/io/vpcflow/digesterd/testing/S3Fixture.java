package io.vpcflow.digesterd.testing;

import io.vpcflow.digesterd.pipeline.DigestOptions;
import io.vpcflow.digesterd.s3.S3ClientFactory;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** Digest options and an S3 client pointed at an embedded S3 server. */
public final class S3Fixture {
  private S3Fixture() {}

  /** Options whose S3 settings reach {@code server}; window and buckets left unset. */
  public static DigestOptions options(EmbeddedS3Server server) {
    DigestOptions options = PipelineOptionsFactory.create().as(DigestOptions.class);
    options.setEndpoint(server.endpoint());
    options.setAwsRegion(Region.of(EmbeddedS3Server.REGION));
    options.setAwsCredentialsProvider(EmbeddedS3Server.credentials());
    options.setS3ClientFactoryClass(S3ClientFactory.class);
    return options;
  }

  /** A client of {@code server}, made by the product's factory. */
  public static S3Client client(EmbeddedS3Server server) {
    return S3ClientFactory.client(options(server));
  }

  /** Creates {@code buckets}. */
  public static void createBuckets(S3Client client, String... buckets) {
    for (String bucket : buckets) {
      client.createBucket(b -> b.bucket(bucket));
    }
  }

  /** Makes SSE-KMS with {@code keyId} the default encryption of {@code bucket}. */
  public static void defaultKmsKey(S3Client client, String bucket, String keyId) {
    client.putBucketEncryption(
        b ->
            b.bucket(bucket)
                .serverSideEncryptionConfiguration(
                    c ->
                        c.rules(
                            r ->
                                r.applyServerSideEncryptionByDefault(
                                    d ->
                                        d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                                            .kmsMasterKeyID(keyId)))));
  }

  /** The bytes of an object. */
  public static byte[] get(S3Client client, String bucket, String key) {
    ResponseBytes<GetObjectResponse> bytes =
        client.getObjectAsBytes(b -> b.bucket(bucket).key(key));
    return bytes.asByteArray();
  }
}
