/**
 * Test support for the server's tests: an HTTP client of the API, the environment of a server on
 * an embedded S3 server, a gated digest builder, and in-memory fakes of the module interfaces.
 */
package io.vpcflow.digesterd.apitesting;
