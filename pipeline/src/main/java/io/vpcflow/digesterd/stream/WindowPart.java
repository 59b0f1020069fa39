package io.vpcflow.digesterd.stream;

/**
 * The records that a batch of objects read together (one object, or the objects of one bundle of
 * the reading step) hold for one stream window, folded and sorted: what travels from the readers to
 * the window's writer.
 *
 * @param windowStart the window's start (epoch seconds)
 * @param objectKey the key of an object of the batch, for messages (the only one when {@code
 *     objects} is 1)
 * @param objects the number of objects of the batch that hold records of the window
 * @param objectBytes the bytes fetched from the store to read those objects
 * @param textBytes those objects' decompressed size
 * @param records their records in the window
 * @param run the window's totals per key from those records, as a {@link
 *     io.vpcflow.digesterd.digest.SortedRun} (empty for records only counted, as late)
 */
public record WindowPart(
    long windowStart,
    String objectKey,
    long objects,
    long objectBytes,
    long textBytes,
    long records,
    byte[] run) {}
