/**
 * The one place S3 clients are made, for Beam's S3 filesystems and for our own listing and storage,
 * each for one {@link io.vpcflow.digesterd.s3.BucketPurpose bucket} with that bucket's region and
 * role ({@link io.vpcflow.digesterd.s3.BucketAccessOptions}); and the S3 implementation of object
 * listing. The embedded S3 server is in module {@code embedded-s3}, package {@code
 * io.vpcflow.digesterd.s3server}.
 */
package io.vpcflow.digesterd.s3;
