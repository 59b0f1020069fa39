package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.s3.BucketPurpose;
import java.util.List;

/**
 * Which bucket's access an {@code s3://} URI of the options ({@code --progressLocation}, {@code
 * --streamState}) is reached with, as a Beam resource name ({@link BucketPurpose#resourceName}).
 */
public final class StoreUris {
  private StoreUris() {}

  /**
   * The Beam resource name of {@code uri}: under the progress location ({@code --progressBucket})
   * or the storage location ({@code --storageBucket}) it is reached as that bucket (the longer
   * location wins; progress on a tie), any other {@code s3://} URI as the flow-log bucket, local
   * paths as they are.
   */
  public static String resourceName(FlowLogOptions options, String uri) {
    if (!uri.startsWith("s3://")) {
      return uri;
    }
    BucketPurpose best = BucketPurpose.FLOW_LOGS;
    int bestLength = -1;
    for (BucketPurpose bucket : List.of(BucketPurpose.PROGRESS, BucketPurpose.STORAGE)) {
      String location =
          bucket == BucketPurpose.PROGRESS
              ? options.getProgressBucket()
              : options.getStorageBucket();
      if (location == null || location.isBlank()) {
        continue;
      }
      StoreLocation parsed = StoreLocation.parse(location);
      String root = parsed.toString();
      if (parsed.isS3() && uri.startsWith(root) && root.length() > bestLength) {
        best = bucket;
        bestLength = root.length();
      }
    }
    return best.resourceName(uri);
  }
}
