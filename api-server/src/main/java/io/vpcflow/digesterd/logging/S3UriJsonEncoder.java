package io.vpcflow.digesterd.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vpcflow.digesterd.s3.BucketPurpose;
import java.nio.charset.StandardCharsets;

/**
 * logback's JSON encoder, showing every bucket URI as {@code s3://}: the storage and progress
 * buckets' Beam schemes ({@link BucketPurpose#display}) can reach a log line through a library's
 * message or a stack trace, and are no names users should see.
 */
public final class S3UriJsonEncoder extends JsonEncoder {
  private static final String ESCAPED_SLASHES = ":\\/\\/"; // logback's JSON escapes '/'

  @Override
  public byte[] encode(ILoggingEvent event) {
    byte[] line = super.encode(event);
    String text = new String(line, StandardCharsets.UTF_8);
    String shown = BucketPurpose.display(text);
    for (BucketPurpose bucket : BucketPurpose.values()) {
      shown = shown.replace(bucket.scheme() + ESCAPED_SLASHES, "s3" + ESCAPED_SLASHES);
    }
    return shown.equals(text) ? line : shown.getBytes(StandardCharsets.UTF_8);
  }
}
