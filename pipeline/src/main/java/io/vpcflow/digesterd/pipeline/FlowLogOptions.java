package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.s3.BucketAccessOptions;
import io.vpcflow.digesterd.s3.S3RetryOptions;
import java.time.Duration;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/**
 * Options both the batch digest ({@link DigestOptions}) and the stream need: where the flow logs
 * are and how their objects are read, and where digests and progress are kept; on top of Beam's S3
 * options and each bucket's region and role ({@link BucketAccessOptions}). Durations are typed: on
 * the command line they are ISO-8601 ({@code --objectSlackBefore=PT5M}).
 */
public interface FlowLogOptions extends BucketAccessOptions, S3RetryOptions {

  @Description(
      "Where the flow logs are: a bucket name, s3://bucket/prefix or file:///dir "
          + "(VPC_FLOW_LOGS_BUCKET).")
  @Validation.Required
  String getFlowLogsBucket();

  void setFlowLogsBucket(String value);

  @Description("Optional key prefix before AWSLogs/ (VPC_FLOW_LOGS_PREFIX).")
  @Default.String("")
  String getFlowLogsPrefix();

  void setFlowLogsPrefix(String value);

  @Description("Comma-separated accounts to scan; empty scans all that exist.")
  @Default.String("")
  String getScanAccounts();

  void setScanAccounts(String value);

  @Description("Comma-separated regions to scan; empty scans all that exist.")
  @Default.String("")
  String getScanRegions();

  void setScanRegions(String value);

  @Description(
      "Where digests are stored: a bucket name, s3://bucket/prefix or file:///dir "
          + "(DIGEST_STORAGE_BUCKET).")
  @Validation.Required
  String getStorageBucket();

  void setStorageBucket(String value);

  @Description(
      "Where progress markers are kept: a bucket name or s3://bucket/prefix (DIGEST_PROGRESS_BUCKET); "
          + "locations under it are written with the progress bucket's region and role. Empty: "
          + "none.")
  @Default.String("")
  String getProgressBucket();

  void setProgressBucket(String value);

  @Description(
      "How long before the window an object's file-name time stamp may be and still hold window "
          + "records (ISO-8601 duration, default PT10M).")
  @Default.InstanceFactory(DurationDefaults.TenMinutes.class)
  Duration getObjectSlackBefore();

  void setObjectSlackBefore(Duration value);

  @Description(
      "How long after the window an object's file-name time stamp may be and still hold window "
          + "records: aggregation interval plus delivery delay (ISO-8601 duration, default PT20M).")
  @Default.InstanceFactory(DurationDefaults.TwentyMinutes.class)
  Duration getObjectSlackAfter();

  void setObjectSlackAfter(Duration value);

  @Description("Lines longer than this many bytes are skipped as line-too-long.")
  @Default.Integer(65536)
  int getMaxLineBytes();

  void setMaxLineBytes(int value);

  @Description(
      "Compressed bytes each reader reads ahead from the object it is reading (the gunzip input "
          + "buffer).")
  @Default.Integer(262144)
  int getReadBufferBytes();

  void setReadBufferBytes(int value);

  @Description("What to do with an object that cannot be decompressed: skip (and list it) or fail.")
  @Default.Enum("SKIP")
  CorruptObjectPolicy getOnCorruptObject();

  void setOnCorruptObject(CorruptObjectPolicy value);
}
