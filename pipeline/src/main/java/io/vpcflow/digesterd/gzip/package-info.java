/**
 * GZIP (RFC 1952) as flow logs and Parquet pages hold it: member headers, and a strict stream of
 * concatenated members for text objects. Pure Java, no Beam or AWS imports.
 */
package io.vpcflow.digesterd.gzip;
