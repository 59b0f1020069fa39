/**
 * Test support shared by the modules' tests: fixture objects, S3 clients, an oracle digest, a
 * fault-injecting proxy, and per-bucket roles over the wire (an S3 server granting each access key
 * some buckets only, a local STS endpoint, a record of who signed each request for which region).
 */
package io.vpcflow.digesterd.testing;
