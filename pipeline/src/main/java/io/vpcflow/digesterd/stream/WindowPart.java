package io.vpcflow.digesterd.stream;

/**
 * The records of one object that fall into one stream window, folded and sorted: what travels from
 * the readers to the window's writer.
 *
 * @param windowStart the window's start (epoch seconds)
 * @param objectKey the key of the object read
 * @param objectBytes the bytes fetched from the store to read the object
 * @param textBytes the object's decompressed size
 * @param records the object's records in the window
 * @param run the window's totals per key from this object, as a {@link
 *     io.vpcflow.digesterd.digest.SortedRun}
 */
public record WindowPart(
    long windowStart,
    String objectKey,
    long objectBytes,
    long textBytes,
    long records,
    byte[] run) {}
