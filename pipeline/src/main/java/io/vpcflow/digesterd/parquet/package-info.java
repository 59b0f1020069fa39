/**
 * Flow-log objects delivered as Apache Parquet: reading their rows through the same rules as text
 * lines ({@link io.vpcflow.digesterd.flowlog.FlowLogReader}), one row group at a time and only the
 * columns the digest needs, and writing them in AWS's schema for samples and tests. Uses
 * parquet-java without Hadoop's runtime; no Beam or AWS imports.
 */
package io.vpcflow.digesterd.parquet;
