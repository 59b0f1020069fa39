/**
 * Test support for the server's tests: an HTTP client of the API and a raw one for requests it
 * refuses to send, the environment of a server on an embedded S3 server, the table of hostile
 * requests and a seeded generator of random ones, bucket listings, a gated digest builder, and
 * in-memory fakes of the module interfaces.
 */
package io.vpcflow.digesterd.apitesting;
