package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.DigestChunk;
import io.vpcflow.digesterd.report.ReadReport;

/**
 * What one shard contributes to one key bucket: the bucket's partial totals and, on bucket 0
 * only, the shard's read report (an empty report elsewhere), so every report is counted once.
 *
 * @param chunk the shard's partial totals of the bucket's keys
 * @param report the shard's report, or an empty one
 */
public record ShardPartial(DigestChunk chunk, ReadReport report) {}
