package io.vpcflow.digesterd.s3;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Temporary credentials of an IAM role, assumed with STS AssumeRole using base credentials, and
 * renewed by the SDK before they expire. Nothing is sent before the first request needs them (a
 * client that is never used never calls STS). Closing it closes its STS client.
 */
final class AssumedRoleCredentials implements AwsCredentialsProvider, SdkAutoCloseable {
  private final String roleArn;
  private final String sessionName;
  private final AwsCredentialsProvider base;
  private final Region stsRegion;
  private final URI stsEndpoint;
  private StsClient sts;
  private StsAssumeRoleCredentialsProvider provider;

  /**
   * @param roleArn the role to assume
   * @param sessionName the role session name (shown in CloudTrail)
   * @param base the credentials that call AssumeRole
   * @param stsRegion the region of the STS client (null: us-east-1)
   * @param stsEndpoint an STS endpoint, or null for AWS's
   */
  AssumedRoleCredentials(
      String roleArn,
      String sessionName,
      AwsCredentialsProvider base,
      Region stsRegion,
      URI stsEndpoint) {
    this.roleArn = roleArn;
    this.sessionName = sessionName;
    this.base = base;
    this.stsRegion = stsRegion != null ? stsRegion : Region.US_EAST_1;
    this.stsEndpoint = stsEndpoint;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    return provider().resolveCredentials();
  }

  private synchronized StsAssumeRoleCredentialsProvider provider() {
    if (provider == null) {
      StsClientBuilder builder = StsClient.builder().region(stsRegion);
      if (base != null) {
        builder.credentialsProvider(base);
      }
      if (stsEndpoint != null) {
        builder.endpointOverride(stsEndpoint);
      }
      sts = builder.build();
      provider =
          StsAssumeRoleCredentialsProvider.builder()
              .stsClient(sts)
              .refreshRequest(r -> r.roleArn(roleArn).roleSessionName(sessionName))
              .build();
    }
    return provider;
  }

  @Override
  public synchronized void close() {
    if (provider != null) {
      provider.close();
      sts.close();
      provider = null;
      sts = null;
    }
  }

  @Override
  public String toString() {
    return "AssumedRoleCredentials{role=" + roleArn + "}";
  }
}
