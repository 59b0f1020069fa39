package io.vpcflow.digesterd.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * s3proxy middleware that answers every object read (GET) only after a delay, and counts the reads
 * of flow-log objects (keys under {@code AWSLogs/}): a slow but real S3 server for runs that must
 * still be going when a test acts.
 */
public final class SlowReads extends ForwardingBlobStore {
  private static final String FLOW_LOGS = "AWSLogs/";

  private final Duration delay;
  private final AtomicInteger reads;

  private SlowReads(BlobStore store, Duration delay, AtomicInteger reads) {
    super(store);
    this.delay = delay;
    this.reads = reads;
  }

  /**
   * Middleware for {@code EmbeddedS3Server.inMemory}: each GET waits {@code delay}; reads of
   * flow-log objects are counted in {@code reads}.
   */
  public static java.util.function.UnaryOperator<BlobStore> of(
      Duration delay, AtomicInteger reads) {
    return store -> new SlowReads(store, delay, reads);
  }

  @Override
  public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
    if (request.key().startsWith(FLOW_LOGS)) {
      reads.incrementAndGet();
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return super.getBlob(request);
  }
}
