package io.vpcflow.digesterd.testing;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gaul.s3proxy.AccessGrant;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A real S3 server (s3proxy, objects in memory, on loopback) that knows several access keys, each
 * allowed into some buckets only, like IAM policies: a request signed by an unknown key, by a key
 * not granted the bucket, or with the wrong secret is refused with 403 (the signature is checked
 * with the key's own secret). {@link #ADMIN_KEY} may use every bucket (to set up and inspect).
 * Unknown {@code x-amz-} headers are ignored, so that requests with temporary credentials (their
 * {@code x-amz-security-token}) are accepted as Amazon S3 accepts them.
 */
public final class GrantedS3Server implements AutoCloseable {
  /** The access key that may use every bucket. */
  public static final String ADMIN_KEY = "admin-key";

  /** The secret of {@link #ADMIN_KEY}. */
  public static final String ADMIN_SECRET = "admin-secret";

  private record Grant(String secret, Set<String> buckets) {}

  private final S3Proxy proxy;
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();

  private GrantedS3Server(S3Proxy proxy) {
    this.proxy = proxy;
  }

  /** Starts a server on a free loopback port, knowing only {@link #ADMIN_KEY}. */
  public static GrantedS3Server start() throws Exception {
    BlobStore store = new TransientNio2BlobStore();
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ADMIN_KEY, ADMIN_SECRET)
            .ignoreUnknownHeaders(true)
            .stopTimeout(0)
            .build();
    GrantedS3Server server = new GrantedS3Server(proxy);
    proxy.setBlobStoreLocator(
        (identity, bucket, key) -> {
          if (ADMIN_KEY.equals(identity)) {
            return new AccessGrant(ADMIN_SECRET, store);
          }
          Grant grant = identity == null ? null : server.grants.get(identity);
          if (grant == null || bucket == null || !grant.buckets().contains(bucket)) {
            return null;
          }
          return new AccessGrant(grant.secret(), store);
        });
    proxy.start();
    while (!proxy.getState().equals("STARTED")) {
      Thread.sleep(10);
    }
    return server;
  }

  /** Lets {@code accessKey} (signing with {@code secret}) use {@code buckets}, and only them. */
  public void grant(String accessKey, String secret, Set<String> buckets) {
    grants.put(accessKey, new Grant(secret, Set.copyOf(buckets)));
  }

  /** The HTTP endpoint, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** The credentials of {@link #ADMIN_KEY}. */
  public static StaticCredentialsProvider admin() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ADMIN_KEY, ADMIN_SECRET));
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
