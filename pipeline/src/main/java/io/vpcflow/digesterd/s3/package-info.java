/**
 * The one place S3 clients are made, for Beam's S3 filesystems and for our own listing and storage,
 * each for one {@link io.vpcflow.digesterd.s3.BucketPurpose bucket} with that bucket's region and
 * role ({@link io.vpcflow.digesterd.s3.BucketAccessOptions}); the S3 implementation of object
 * listing; and the embedded S3 server.
 */
package io.vpcflow.digesterd.s3;
