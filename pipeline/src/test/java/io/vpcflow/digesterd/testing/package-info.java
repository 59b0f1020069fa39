/** Test support shared by the modules' tests: fixture objects, S3 clients, an oracle digest. */
package io.vpcflow.digesterd.testing;
