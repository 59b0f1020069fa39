/**
 * The embedded S3 server: a real S3-compatible server (s3proxy) on loopback, in this process, with
 * SigV4 authentication and objects kept in memory or as plain files in a directory. It is the S3 of
 * the service's no-AWS default ({@code embedded} in the api-server) and the S3 server the tests
 * speak to. A module of its own, {@code embedded-s3}, so that s3proxy and the servlet API are no
 * dependency of the pipeline library; it imports no other package of the project.
 */
package io.vpcflow.digesterd.s3server;
