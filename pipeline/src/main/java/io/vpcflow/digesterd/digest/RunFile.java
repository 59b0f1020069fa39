package io.vpcflow.digesterd.digest;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sorted run as a file, for runs written out of memory (spilled): the entries in {@link
 * SortedRun}'s format, an index, and a fixed-size trailer, so that the entries of one key range are
 * found without reading the run from its start.
 *
 * <p>Layout: the entries, front-coded, except that every {@code indexEvery}-th entry is written
 * whole (shared prefix 0), so a reader can start there; then the index, as unsigned varints: the
 * number of points, and per point its key's length, the key's bytes and the entry's byte offset;
 * then the trailer: the index's offset as an 8-byte big-endian number and the 4 bytes {@code VFR1}.
 */
public final class RunFile {
  /** Entries between two index points in the files {@link #write} writes. */
  public static final int INDEX_EVERY = 512;

  /** Keys sampled at most per run, for cutting key ranges. */
  public static final int MAX_SAMPLES = 64;

  private static final byte[] MAGIC = "VFR1".getBytes(StandardCharsets.US_ASCII);
  private static final int TRAILER_BYTES = Long.BYTES + 4;

  /** What the look-ahead reads read: kept so that they are not optimised away. */
  private static int touchedSink;

  private RunFile() {}

  /** Random access to a run file's bytes. */
  public interface Source {
    /** The file's size. */
    long size() throws IOException;

    /** {@code length} bytes from {@code offset}. */
    byte[] read(long offset, int length) throws IOException;

    /** A stream of the {@code length} bytes from {@code offset} (closed by the caller). */
    InputStream open(long offset, long length) throws IOException;
  }

  /**
   * What {@link #write} wrote.
   *
   * @param bytes the file's size
   * @param keys the number of entries
   * @param samples keys at evenly spaced positions, at most {@link #MAX_SAMPLES}
   */
  public record Written(long bytes, long keys, List<DigestKey> samples) {}

  /** Writes the entries of {@code table} in key order as a run file to {@code out} (not closed). */
  public static Written write(DigestTable table, OutputStream out) throws IOException {
    return write(table, out, INDEX_EVERY);
  }

  /**
   * Like {@link #write(DigestTable, OutputStream)}, with an index point every {@code indexEvery}.
   */
  static Written write(DigestTable table, OutputStream target, int indexEvery) throws IOException {
    int[] order = KeySorter.sortedOrder(table, table.size());
    CountingOutputStream out = new CountingOutputStream(target);
    List<byte[]> indexKeys = new ArrayList<>();
    List<Long> indexOffsets = new ArrayList<>();
    List<DigestKey> samples = new ArrayList<>();
    int sampleEvery = Math.max(1, (order.length + MAX_SAMPLES - 1) / MAX_SAMPLES);
    SortedRun.EntryWriter entries = new SortedRun.EntryWriter();
    int touched = 0;
    for (int i = 0; i < order.length; i++) {
      touched += SortedRun.touchAhead(table, order, i);
      int entry = order[i];
      int shared;
      if (i % indexEvery == 0) {
        indexKeys.add(table.key(entry).text());
        indexOffsets.add(out.count());
        shared = 0;
      } else {
        shared = table.sharedPrefix(order[i - 1], entry);
      }
      if (i % sampleEvery == 0) {
        samples.add(table.key(entry));
      }
      entries.write(table, entry, shared, out);
    }
    touchedSink = touched;
    long indexOffset = out.count();
    SortedRun.writeVarLong(out, indexKeys.size());
    for (int p = 0; p < indexKeys.size(); p++) {
      SortedRun.writeVarLong(out, indexKeys.get(p).length);
      out.write(indexKeys.get(p));
      SortedRun.writeVarLong(out, indexOffsets.get(p));
    }
    out.write(ByteBuffer.allocate(Long.BYTES).putLong(indexOffset).array());
    out.write(MAGIC);
    return new Written(out.count(), order.length, samples);
  }

  /**
   * A reader of the entries of the run file {@code source} whose keys lie in {@code [low, high)}
   * (unsigned bytes; {@code null} for no bound). Reads the trailer and index, then streams from the
   * last index point at or before {@code low}; close the returned stream after reading.
   *
   * @throws IOException when the file cannot be read or is not a run file
   */
  public static Slice openSlice(Source source, byte[] low, byte[] high) throws IOException {
    long size = source.size();
    if (size < TRAILER_BYTES + 1) {
      throw new IOException("not a run file: " + size + " bytes");
    }
    ByteBuffer trailer = ByteBuffer.wrap(source.read(size - TRAILER_BYTES, TRAILER_BYTES));
    long indexOffset = trailer.getLong();
    byte[] magic = new byte[MAGIC.length];
    trailer.get(magic);
    if (!Arrays.equals(magic, MAGIC) || indexOffset < 0 || indexOffset > size - TRAILER_BYTES) {
      throw new IOException("not a run file: no run trailer");
    }
    long from = low == null ? 0 : startOffset(source, indexOffset, size - TRAILER_BYTES, low);
    InputStream in = source.open(from, indexOffset - from);
    return new Slice(SortedRun.read(in, low, high), in);
  }

  /** The offset of the last index point whose key is at most {@code low} (0 when none). */
  private static long startOffset(Source source, long indexOffset, long indexEnd, byte[] low)
      throws IOException {
    long length = indexEnd - indexOffset;
    if (length > Integer.MAX_VALUE) {
      throw new IOException("run index too large: " + length + " bytes");
    }
    DataInputStream index =
        new DataInputStream(new ByteArrayInputStream(source.read(indexOffset, (int) length)));
    long points = SortedRun.readVarLong(index);
    long start = 0;
    for (long p = 0; p < points; p++) {
      byte[] key = new byte[(int) SortedRun.readVarLong(index)];
      index.readFully(key);
      long offset = SortedRun.readVarLong(index);
      if (Arrays.compareUnsigned(key, low) > 0) {
        break;
      }
      start = offset;
    }
    return start;
  }

  /**
   * The entries of one key range of a run file, and the stream they are read from.
   *
   * @param reader the entries in the range, in key order
   * @param stream the stream to close when done
   */
  public record Slice(SortedRun.Reader reader, InputStream stream) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      stream.close();
    }
  }
}
