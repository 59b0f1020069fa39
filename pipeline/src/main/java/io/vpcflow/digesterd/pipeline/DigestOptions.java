package io.vpcflow.digesterd.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/**
 * Options of the digest of one window ({@code --start}, {@code --stop}), on top of what every path
 * reads flow logs with ({@link FlowLogOptions}): how the objects are dealt into shards, the fold's
 * memory budget and merge, temporary objects, and where the run reports progress.
 */
public interface DigestOptions extends FlowLogOptions {

  @Description("Inclusive start of the window, RFC 3339 (truncated to the minute, UTC).")
  @Validation.Required
  String getStart();

  void setStart(String value);

  @Description("Exclusive stop of the window, RFC 3339 (truncated to the minute, UTC).")
  @Validation.Required
  String getStop();

  void setStop(String value);

  @Description(
      "Number of shards the objects are dealt into; each shard is folded into one table before "
          + "the shuffle. 0 chooses the number of processors (at least 2).")
  @Default.Integer(0)
  int getShards();

  void setShards(int value);

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
