package io.vpcflow.digesterd.s3;

import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * The region and role of each {@link BucketPurpose bucket}, on top of Beam's S3 options, whose
 * {@code --awsRegion} and {@code --awsCredentialsProvider} are the base: the region of a bucket
 * without its own, and the credentials used as they are for a bucket without a role (and to assume
 * the roles). Pipeline options, so that workers in other JVMs (a Flink cluster) reach each bucket
 * as this JVM does: nothing of it is kept in static state.
 */
public interface BucketAccessOptions extends S3Options {
  @Description(
      "Region the flow-log bucket's requests are signed for (VPC_FLOW_LOGS_REGION); empty: --awsRegion.")
  @Default.String("")
  String getFlowLogsRegion();

  void setFlowLogsRegion(String value);

  @Description(
      "ARN of the IAM role assumed (STS AssumeRole, with the base credentials) to read the flow-log "
          + "bucket (VPC_FLOW_LOGS_ROLE); empty: the base credentials.")
  @Default.String("")
  String getFlowLogsRole();

  void setFlowLogsRole(String value);

  @Description(
      "Region the storage bucket's requests are signed for (DIGEST_STORAGE_REGION); empty: --awsRegion.")
  @Default.String("")
  String getStorageRegion();

  void setStorageRegion(String value);

  @Description(
      "ARN of the IAM role assumed for the storage bucket (DIGEST_STORAGE_ROLE); empty: the base credentials.")
  @Default.String("")
  String getStorageRole();

  void setStorageRole(String value);

  @Description(
      "Region the progress bucket's requests are signed for (DIGEST_PROGRESS_REGION); empty: --awsRegion.")
  @Default.String("")
  String getProgressRegion();

  void setProgressRegion(String value);

  @Description(
      "ARN of the IAM role assumed for the progress bucket (DIGEST_PROGRESS_ROLE); empty: the base credentials.")
  @Default.String("")
  String getProgressRole();

  void setProgressRole(String value);

  @Description(
      "STS endpoint the roles are assumed at (AWS_ENDPOINT_URL_STS, else AWS_ENDPOINT_URL); empty: "
          + "AWS's regional STS endpoint of --awsRegion.")
  @Default.String("")
  String getStsEndpoint();

  void setStsEndpoint(String value);
}
