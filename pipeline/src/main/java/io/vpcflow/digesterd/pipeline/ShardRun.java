package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.report.ReadReport;

/**
 * What one shard contributes to the digest: its partial totals as a {@link
 * io.vpcflow.digesterd.digest.SortedRun sorted run}, and its read report.
 *
 * @param run the serialised sorted run
 * @param report what the shard read and skipped
 */
public record ShardRun(byte[] run, ReadReport report) {}
