/**
 * The one place S3 clients are made, for Beam's S3 filesystem and for our own listing and
 * storage, and the S3 implementation of object listing.
 */
package io.vpcflow.digesterd.s3;
