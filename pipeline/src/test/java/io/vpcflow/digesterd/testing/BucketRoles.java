package io.vpcflow.digesterd.testing;

import io.vpcflow.digesterd.pipeline.DigestOptions;
import io.vpcflow.digesterd.s3.S3ClientFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Three buckets (flow logs, storage, progress) on a {@link GrantedS3Server}, each reachable only
 * with the temporary credentials of its own role, which a {@link StsStub} hands out to the base
 * credentials (which reach no bucket themselves); each bucket in a region of its own. The service
 * reaches the S3 server through a {@link FaultProxy} whose {@link SignedRequests} record who signed
 * every request for which region, so a test can check that each bucket was spoken to with its own
 * role and region, over the wire.
 */
public final class BucketRoles implements AutoCloseable {
  /** The base access key: allowed to assume the roles, granted no bucket. */
  public static final String BASE_KEY = "AKIABASEEXAMPLE";

  /** The secret of {@link #BASE_KEY}. */
  public static final String BASE_SECRET = "base-secret-example";

  /** The base region (AWS_REGION): STS calls are signed for it. */
  public static final String BASE_REGION = "ca-central-1";

  /** The flow-log bucket's role. */
  public static final String FLOW_LOGS_ROLE = "arn:aws:iam::111122223333:role/flowlogs-reader";

  /** The storage bucket's role. */
  public static final String STORAGE_ROLE = "arn:aws:iam::111122223333:role/digests-writer";

  /** The progress bucket's role. */
  public static final String PROGRESS_ROLE =
      "arn:aws:iam::111122223333:role/service/progress-writer";

  /** The flow-log bucket's region. */
  public static final String FLOW_LOGS_REGION = "eu-west-1";

  /** The storage bucket's region. */
  public static final String STORAGE_REGION = "ap-southeast-2";

  /** The progress bucket's region. */
  public static final String PROGRESS_REGION = "us-west-2";

  private final String flowLogs;
  private final String storage;
  private final String progress;
  private final GrantedS3Server s3;
  private final StsStub sts;
  private final FaultProxy proxy;
  private final SignedRequests requests = new SignedRequests();

  private BucketRoles(
      String flowLogs,
      String storage,
      String progress,
      GrantedS3Server s3,
      StsStub sts,
      FaultProxy proxy) {
    this.flowLogs = flowLogs;
    this.storage = storage;
    this.progress = progress;
    this.s3 = s3;
    this.sts = sts;
    this.proxy = proxy;
    proxy.onRequest(requests);
  }

  /** Starts the servers and creates the three buckets. */
  public static BucketRoles start(String flowLogs, String storage, String progress)
      throws Exception {
    GrantedS3Server s3 = GrantedS3Server.start();
    StsStub sts =
        StsStub.start(
            s3,
            BASE_KEY,
            Map.of(
                FLOW_LOGS_ROLE, Set.of(flowLogs),
                STORAGE_ROLE, Set.of(storage),
                PROGRESS_ROLE, Set.of(progress)));
    BucketRoles roles =
        new BucketRoles(flowLogs, storage, progress, s3, sts, FaultProxy.start(s3.endpoint()));
    try (S3Client admin = roles.admin()) {
      S3Fixture.createBuckets(admin, flowLogs, storage, progress);
    }
    return roles;
  }

  /**
   * A client that may use every bucket, straight to the S3 server (its requests are not recorded;
   * close it).
   */
  public S3Client admin() {
    DigestOptions options = PipelineOptionsFactory.create().as(DigestOptions.class);
    options.setEndpoint(s3.endpoint());
    options.setAwsRegion(Region.US_EAST_1);
    options.setAwsCredentialsProvider(GrantedS3Server.admin());
    return S3ClientFactory.client(options);
  }

  /**
   * Pipeline options reaching the buckets through the recording proxy with the base credentials,
   * each bucket with its role and region; buckets, window and locations left unset.
   */
  public DigestOptions options() {
    DigestOptions options = PipelineOptionsFactory.create().as(DigestOptions.class);
    options.setEndpoint(proxy.endpoint());
    options.setAwsRegion(Region.of(BASE_REGION));
    options.setAwsCredentialsProvider(
        StaticCredentialsProvider.create(AwsBasicCredentials.create(BASE_KEY, BASE_SECRET)));
    options.setS3ClientFactoryClass(S3ClientFactory.class);
    options.setFlowLogsRegion(FLOW_LOGS_REGION);
    options.setFlowLogsRole(FLOW_LOGS_ROLE);
    options.setStorageRegion(STORAGE_REGION);
    options.setStorageRole(STORAGE_ROLE);
    options.setProgressRegion(PROGRESS_REGION);
    options.setProgressRole(PROGRESS_ROLE);
    options.setStsEndpoint(sts.endpoint().toString());
    return options;
  }

  /**
   * The service's environment for the same set-up: buckets, endpoints (S3 through the recording
   * proxy, STS), base credentials and region, each bucket's role and region.
   */
  public Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("VPC_FLOW_LOGS_BUCKET", flowLogs);
    env.put("DIGEST_STORAGE_BUCKET", storage);
    env.put("DIGEST_PROGRESS_BUCKET", progress);
    env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
    env.put("AWS_ENDPOINT_URL_STS", sts.endpoint().toString());
    env.put("AWS_ACCESS_KEY_ID", BASE_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", BASE_SECRET);
    env.put("AWS_REGION", BASE_REGION);
    env.put("VPC_FLOW_LOGS_REGION", FLOW_LOGS_REGION);
    env.put("VPC_FLOW_LOGS_ROLE", FLOW_LOGS_ROLE);
    env.put("DIGEST_STORAGE_REGION", STORAGE_REGION);
    env.put("DIGEST_STORAGE_ROLE", STORAGE_ROLE);
    env.put("DIGEST_PROGRESS_REGION", PROGRESS_REGION);
    env.put("DIGEST_PROGRESS_ROLE", PROGRESS_ROLE);
    return env;
  }

  /** What each bucket must only ever see: its role's access key, signing for its region. */
  public Map<String, Set<String>> expectedSigners() {
    return Map.of(
        flowLogs, Set.of(StsStub.accessKeyOf(FLOW_LOGS_ROLE) + "@" + FLOW_LOGS_REGION),
        storage, Set.of(StsStub.accessKeyOf(STORAGE_ROLE) + "@" + STORAGE_REGION),
        progress, Set.of(StsStub.accessKeyOf(PROGRESS_ROLE) + "@" + PROGRESS_REGION));
  }

  /** The requests that reached the S3 server through the proxy. */
  public SignedRequests requests() {
    return requests;
  }

  /** The STS endpoint, with its record of AssumeRole calls. */
  public StsStub sts() {
    return sts;
  }

  @Override
  public void close() throws Exception {
    proxy.close();
    sts.close();
    s3.close();
  }
}
