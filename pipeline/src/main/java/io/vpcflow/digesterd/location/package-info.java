/**
 * Where each of the three stores is (flow logs, digests, progress): a bucket name, an {@code s3://}
 * URI or a {@code file://} directory ({@link io.vpcflow.digesterd.location.StoreLocation}), and the
 * listing of a local directory of flow logs.
 */
package io.vpcflow.digesterd.location;
