package io.vpcflow.digesterd.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * s3proxy middleware that counts, per key, the reads (GET) of flow-log objects (keys under {@code
 * AWSLogs/}), as the S3 server sees them: how often each object was really read.
 */
public final class CountingReads extends ForwardingBlobStore {
  private static final String FLOW_LOGS = "AWSLogs/";

  private final Map<String, AtomicInteger> reads;

  private CountingReads(BlobStore store, Map<String, AtomicInteger> reads) {
    super(store);
    this.reads = reads;
  }

  /**
   * A counter of reads per key, and the middleware for {@code EmbeddedS3Server.inMemory} that fills
   * it.
   */
  public static final class Counts {
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

    /** The middleware. */
    public UnaryOperator<BlobStore> middleware() {
      return store -> new CountingReads(store, reads);
    }

    /** The reads so far, by key (keys never read are absent). */
    public Map<String, Integer> snapshot() {
      Map<String, Integer> copy = new TreeMap<>();
      reads.forEach((key, count) -> copy.put(key, count.get()));
      return copy;
    }
  }

  @Override
  public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
    if (request.key().startsWith(FLOW_LOGS)) {
      reads.computeIfAbsent(request.key(), k -> new AtomicInteger()).incrementAndGet();
    }
    return super.getBlob(request);
  }
}
