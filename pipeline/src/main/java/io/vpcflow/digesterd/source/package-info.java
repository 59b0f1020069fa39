/**
 * Where flow logs are read from and digests written to: a bucket name, an {@code s3://} URI or a
 * {@code file://} directory, and the listing of such a location.
 */
package io.vpcflow.digesterd.source;
