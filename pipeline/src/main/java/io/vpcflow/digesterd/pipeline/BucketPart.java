package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.report.ReadReport;

/**
 * One merged key bucket, written as a temporary part: its sorted digest lines, gzip'd, at {@code
 * uri}.
 *
 * @param bucket the bucket number
 * @param uri the part's Beam resource name
 * @param lines the number of lines in the part
 * @param report the read reports that came with the bucket's partials
 */
public record BucketPart(int bucket, String uri, long lines, ReadReport report) {}
