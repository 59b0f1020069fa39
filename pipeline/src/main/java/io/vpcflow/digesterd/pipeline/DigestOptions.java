package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.s3.BucketAccessOptions;
import io.vpcflow.digesterd.s3.S3RetryOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/**
 * Options of the digest pipeline, on top of Beam's S3 options (region, endpoint, credentials) and
 * the region and role of each bucket ({@link BucketAccessOptions}).
 */
public interface DigestOptions extends BucketAccessOptions, S3RetryOptions {

  @Description("Inclusive start of the window, RFC 3339 (truncated to the minute, UTC).")
  @Validation.Required
  String getStart();

  void setStart(String value);

  @Description("Exclusive stop of the window, RFC 3339 (truncated to the minute, UTC).")
  @Validation.Required
  String getStop();

  void setStop(String value);

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
          + "--progressLocation and --streamState under it are written with the progress bucket's "
          + "region and role. Empty: none.")
  @Default.String("")
  String getProgressBucket();

  void setProgressBucket(String value);

  @Description(
      "How long before the window an object's file-name time stamp may be and still hold window "
          + "records (ISO-8601 duration).")
  @Default.String("PT10M")
  String getObjectSlackBefore();

  void setObjectSlackBefore(String value);

  @Description(
      "How long after the window an object's file-name time stamp may be and still hold window "
          + "records: aggregation interval plus delivery delay (ISO-8601 duration).")
  @Default.String("PT20M")
  String getObjectSlackAfter();

  void setObjectSlackAfter(String value);

  @Description("Lines longer than this many bytes are skipped as line-too-long.")
  @Default.Integer(65536)
  int getMaxLineBytes();

  void setMaxLineBytes(int value);

  @Description(
      "Number of shards the objects are dealt into; each shard is folded into one table before "
          + "the shuffle. 0 chooses the number of processors (at least 2).")
  @Default.Integer(0)
  int getShards();

  void setShards(int value);

  @Description(
      "Compressed bytes each shard reads ahead from the object it is reading (the gunzip input "
          + "buffer).")
  @Default.Integer(262144)
  int getReadBufferBytes();

  void setReadBufferBytes(int value);

  @Description(
      "Memory budget of each shard's table, in MiB (DIGEST_FOLD_MEMORY_MB): when a shard's table "
          + "reaches it, the table is written out as a sorted run (a spill) and folding goes on in "
          + "an empty one. 0 derives it from the worker's heap: two fifths of it, shared by the "
          + "shards that run at once.")
  @Default.Integer(0)
  int getFoldMemoryMb();

  void setFoldMemoryMb(int value);

  @Description(
      "Number of key ranges the runs are merged in, each by its own worker, then joined in "
          + "order (DIGEST_MERGE_RANGES). 0: enough ranges that each range's share of the runs "
          + "fits the fold budget, at least the number of shards.")
  @Default.Integer(0)
  int getMergeRanges();

  void setMergeRanges(int value);

  @Description(
      "Directory URI (file:// or s3://) for the run's temporary objects: spilled runs and merged "
          + "parts, deleted when the run ends. Empty: the local temporary directory on the "
          + "DirectRunner, else --tempLocation if set, else .digesterd-tmp/ under the storage "
          + "location.")
  @Default.String("")
  String getSpillLocation();

  void setSpillLocation(String value);

  @Description("What to do with an object that cannot be decompressed: skip (and list it) or fail.")
  @Default.Enum("SKIP")
  CorruptObjectPolicy getOnCorruptObject();

  void setOnCorruptObject(CorruptObjectPolicy value);

  @Description("Why this runner runs the digest, as recorded in <id>.json.")
  @Default.String("chosen by the pipeline options")
  String getRunnerReason();

  void setRunnerReason(String value);

  @Description(
      "Directory URI (s3://... or file://...) where each shard writes how far it got, for runs "
          + "whose workers are in other JVMs (a Flink cluster); empty: progress only in this JVM.")
  @Default.String("")
  String getProgressLocation();

  void setProgressLocation(String value);

  @Description("Name under which this JVM publishes live progress of the run (empty: none).")
  @Default.String("")
  String getProgressKey();

  void setProgressKey(String value);
}
