package io.vpcflow.digesterd.pipeline;

/**
 * The digest lines of one key range, gzip'd into a temporary object.
 *
 * @param range the range's number (parts join in this order)
 * @param location the part's Beam resource name
 * @param bytes the part's size
 * @param lines the number of lines in it
 */
public record MergedPart(int range, String location, long bytes, long lines) {}
