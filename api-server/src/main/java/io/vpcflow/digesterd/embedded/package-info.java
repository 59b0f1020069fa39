/**
 * The no-AWS default: an S3-compatible server on loopback with its data in a local directory, its
 * buckets, and the configuration that points the service at it.
 */
package io.vpcflow.digesterd.embedded;
