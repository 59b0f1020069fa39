package io.vpcflow.digesterd.s3server;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A real S3-compatible server (s3proxy) on loopback, in this process: SigV4 authentication, the S3
 * REST protocol over HTTP, objects kept in memory or as plain files in a directory. The no-AWS
 * default of the service and the S3 server of the tests.
 */
public final class EmbeddedS3Server implements AutoCloseable {
  /** Access key of the embedded server (loopback only). */
  public static final String ACCESS_KEY = "digesterd-local";

  /** Secret key of the embedded server (loopback only). */
  public static final String SECRET_KEY = "digesterd-local-secret";

  /** The region clients should sign for. */
  public static final String REGION = "us-east-1";

  private final S3Proxy proxy;
  private final Path dataDirectory;

  private EmbeddedS3Server(S3Proxy proxy, Path dataDirectory) {
    this.proxy = proxy;
    this.dataDirectory = dataDirectory;
  }

  /** Starts a server keeping objects in memory, on a free loopback port. */
  public static EmbeddedS3Server inMemory() throws Exception {
    return inMemory(UnaryOperator.identity());
  }

  /**
   * Like {@link #inMemory()}, serving through {@code middleware} wrapped around the in-memory store
   * (an s3proxy {@code ForwardingBlobStore}, e.g. one that adds latency to reads).
   */
  public static EmbeddedS3Server inMemory(UnaryOperator<BlobStore> middleware) throws Exception {
    return start(middleware.apply(new TransientNio2BlobStore()), null, 0, ACCESS_KEY, SECRET_KEY);
  }

  /**
   * Like {@link #inMemory()}, accepting only the given credentials instead of {@link #ACCESS_KEY}
   * and {@link #SECRET_KEY} (so that a test can follow recognisable credentials through the
   * service).
   */
  public static EmbeddedS3Server inMemory(String accessKey, String secretKey) throws Exception {
    return start(new TransientNio2BlobStore(), null, 0, accessKey, secretKey);
  }

  /**
   * Starts a server keeping objects as files under {@code dataDirectory} (created if missing).
   *
   * @param port the loopback port, 0 for any free one
   */
  public static EmbeddedS3Server onDisk(Path dataDirectory, int port) throws Exception {
    Files.createDirectories(dataDirectory);
    return start(
        new FilesystemNio2BlobStore(dataDirectory.toString()),
        dataDirectory,
        port,
        ACCESS_KEY,
        SECRET_KEY);
  }

  private static EmbeddedS3Server start(
      BlobStore store, Path dataDirectory, int port, String accessKey, String secretKey)
      throws Exception {
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
            .stopTimeout(0)
            .build();
    proxy.start();
    while (!proxy.getState().equals("STARTED")) {
      Thread.sleep(10);
    }
    return new EmbeddedS3Server(proxy, dataDirectory);
  }

  /** The HTTP endpoint, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** Credentials accepted by this server. */
  public static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  }

  /** Where objects are kept, or null when in memory. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
