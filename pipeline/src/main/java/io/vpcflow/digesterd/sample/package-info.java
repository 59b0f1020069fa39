/**
 * A generator of realistic flow-log objects, gzip'd text or Parquet, in the AWS key layouts, for
 * demos, tests and benchmarks. Pure Java: objects go to an {@link
 * io.vpcflow.digesterd.sample.ObjectSink}.
 */
package io.vpcflow.digesterd.sample;
