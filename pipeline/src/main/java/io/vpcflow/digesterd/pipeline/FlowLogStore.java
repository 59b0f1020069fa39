package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.layout.ObjectListing;
import io.vpcflow.digesterd.location.LocalObjectListing;
import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.s3.S3ClientFactory;
import io.vpcflow.digesterd.s3.S3ObjectListing;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The flow-log store the options name ({@code --flowLogsBucket} with {@code --flowLogsPrefix}): its
 * listing, and the accounts and regions to scan in it. Used by the batch digest to plan a window
 * and by the stream to poll for new objects.
 */
public final class FlowLogStore {
  private FlowLogStore() {}

  /** Work done with a listing of the flow-log store. */
  @FunctionalInterface
  public interface ListingTask<T> {
    /**
     * @param listing the flow-log store's listing
     * @param source where the flow logs are (bucket or directory, with the configured prefix)
     */
    T run(ObjectListing listing, StoreLocation source) throws IOException;
  }

  /**
   * Runs {@code task} with a listing of the options' flow-log store (S3, through a client of the
   * flow-log bucket made by {@link S3ClientFactory} and closed afterwards, or a local directory).
   */
  public static <T> T withListing(FlowLogOptions options, ListingTask<T> task) throws IOException {
    StoreLocation source =
        StoreLocation.parse(options.getFlowLogsBucket()).withPrefix(options.getFlowLogsPrefix());
    if (!source.isS3()) {
      return task.run(new LocalObjectListing(source.directory()), source);
    }
    try (S3Client client = S3ClientFactory.client(options)) {
      return task.run(new S3ObjectListing(client, source.bucket()), source);
    }
  }

  /** The accounts to scan ({@code --scanAccounts}); empty: all that exist. */
  public static List<String> scanAccounts(FlowLogOptions options) {
    return csv(options.getScanAccounts());
  }

  /** The regions to scan ({@code --scanRegions}); empty: all that exist. */
  public static List<String> scanRegions(FlowLogOptions options) {
    return csv(options.getScanRegions());
  }

  /** The comma-separated values of {@code value}, trimmed, without empty ones. */
  static List<String> csv(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
