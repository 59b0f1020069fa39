package io.vpcflow.digesterd.flowlog;

import java.util.List;

/**
 * What reading one flow-log object yielded: its line counts and, once per distinct format, a
 * description of each format that lacks fields the digest needs.
 *
 * @param counts the outcome of every line of the object
 * @param formatProblems human-readable problems, at most one per distinct header in the object
 * @param uncompressedBytes the number of text bytes read (for Parquet, of the pages read)
 * @param storedBytes the bytes fetched from the store to read the object: its whole size for gzip'd
 *     text, the footer and the digest's columns for Parquet; 0 when not read from a store
 */
public record ObjectParseResult(
    LineCounts counts, List<String> formatProblems, long uncompressedBytes, long storedBytes) {

  /** A result of content that was not read from a store. */
  public ObjectParseResult(LineCounts counts, List<String> formatProblems, long uncompressedBytes) {
    this(counts, formatProblems, uncompressedBytes, 0);
  }

  /** This result, {@code bytes} having been fetched from the store. */
  public ObjectParseResult fetched(long bytes) {
    return new ObjectParseResult(counts, formatProblems, uncompressedBytes, bytes);
  }
}
