package io.vpcflow.digesterd.flowlog;

import java.util.List;

/**
 * What reading one flow-log object yielded: its line counts and, once per distinct format, a
 * description of each format that lacks fields the digest needs.
 *
 * @param counts the outcome of every line of the object
 * @param formatProblems human-readable problems, at most one per distinct header in the object
 * @param uncompressedBytes the number of text bytes read
 */
public record ObjectParseResult(
    LineCounts counts, List<String> formatProblems, long uncompressedBytes) {}
