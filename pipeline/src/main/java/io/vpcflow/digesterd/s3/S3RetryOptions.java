package io.vpcflow.digesterd.s3;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * How many times {@link S3ClientFactory}'s clients try one S3 request, and how long they wait at
 * most between two tries. Pipeline options, so that workers in other JVMs retry the same way.
 */
public interface S3RetryOptions extends PipelineOptions {
  @Description("Attempts per S3 request, the first included (AWS_MAX_ATTEMPTS).")
  @Default.Integer(8)
  int getS3MaxAttempts();

  void setS3MaxAttempts(int value);

  @Description(
      "Longest wait between two attempts of an S3 request, in milliseconds (DIGEST_S3_MAX_BACKOFF).")
  @Default.Long(20_000)
  long getS3MaxBackoffMillis();

  void setS3MaxBackoffMillis(long value);
}
