package io.vpcflow.digesterd.digest;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A table's entries sorted by key and serialised compactly: the unit in which partial totals travel
 * from the workers that read objects to the one that writes the digest. Sorted runs merge in one
 * streaming pass ({@link RunMerger}), so the writer never holds all keys in memory.
 *
 * <p>Keys are front-coded (consecutive sorted keys share long prefixes). Record format, all numbers
 * as unsigned varints: length of the prefix shared with the previous key, length of the rest, the
 * rest's bytes, packets, bytes, min start, max end + 1 (so an absent end is 0).
 */
public final class SortedRun {
  private SortedRun() {}

  /** The sorted, serialised entries of {@code table}. */
  public static byte[] of(DigestTable table) {
    int[] order = KeySorter.sortedOrder(table, table.size());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, order.length * 32));
    try {
      EntryWriter writer = new EntryWriter();
      int touched = 0;
      for (int i = 0; i < order.length; i++) {
        touched += touchAhead(table, order, i);
        writer.write(
            table, order[i], i == 0 ? 0 : table.sharedPrefix(order[i - 1], order[i]), bytes);
      }
      touchedSink = touched;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /** How many entries ahead of the one being written {@link #touchAhead} reads. */
  private static final int LOOK_AHEAD = 8;

  /** Keeps what {@link #touchAhead} read, so that the reads are not optimised away. */
  private static int touchedSink;

  /**
   * Before entry {@code order[i]} of a table is written: reads the reference of the entry to be
   * written {@code 2 * LOOK_AHEAD} steps later and the reference and first key byte of the one
   * {@code LOOK_AHEAD} steps later, so that their cache misses (entries in key order lie at random
   * places in memory) overlap with the writing; returns what it read.
   */
  static int touchAhead(DigestTable table, int[] order, int i) {
    int touched = 0;
    if (i + 2 * LOOK_AHEAD < order.length) {
      touched += table.touch(order[i + 2 * LOOK_AHEAD], false);
    }
    if (i + LOOK_AHEAD < order.length) {
      touched += table.touch(order[i + LOOK_AHEAD], true);
    }
    return touched;
  }

  /**
   * Writes entries of a table in this format, each encoded into a reusable buffer and handed to the
   * stream in one call. An entry's key shares its first {@code shared} bytes with the entry written
   * before it (0 for the first entry, or to let a reader start here). Not thread-safe.
   */
  static final class EntryWriter {
    /** Six varints of at most ten bytes each, besides the key's bytes. */
    private static final int MAX_NUMBER_BYTES = 60;

    private byte[] buffer = new byte[256];
    private int used;

    void write(DigestTable table, int entry, int shared, OutputStream out) throws IOException {
      int rest = table.length(entry) - shared;
      if (rest + MAX_NUMBER_BYTES > buffer.length) {
        buffer = new byte[Math.max(buffer.length * 2, rest + MAX_NUMBER_BYTES)];
      }
      used = 0;
      put(shared);
      put(rest);
      table.copyKey(entry, shared, buffer, used);
      used += rest;
      DigestTotals totals = table.totals(entry);
      put(totals.packets());
      put(totals.bytes());
      put(totals.minStart());
      put(totals.maxEnd() + 1);
      out.write(buffer, 0, used);
    }

    private void put(long value) {
      long v = value;
      while ((v & ~0x7FL) != 0) {
        buffer[used++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buffer[used++] = (byte) v;
    }
  }

  /** A reader of a run's entries in key order. */
  public static Reader read(byte[] run) {
    return new Reader(new RunInput(run), null, null);
  }

  /**
   * A reader of the entries of {@code in} whose keys lie in {@code [low, high)} (key texts as
   * unsigned bytes; {@code null} for no bound). {@code in} must start at an entry whose key is
   * written whole (shared prefix 0) and end with the run's last entry.
   */
  public static Reader read(InputStream in, byte[] low, byte[] high) {
    return new Reader(new RunInput(in), low, high);
  }

  /** Reads the entries of one run, one at a time. */
  public static final class Reader {
    private final RunInput in;
    private final byte[] low;
    private final byte[] high;
    private byte[] previous = new byte[0];
    private DigestKey key;
    private DigestTotals totals;

    private Reader(RunInput in, byte[] low, byte[] high) {
      this.in = in;
      this.low = low;
      this.high = high;
    }

    /** Moves to the next entry in bounds; false at the end of the run or of the bounds. */
    public boolean next() throws IOException {
      while (readEntry()) {
        if (high != null && key.compareTo(high) >= 0) {
          return false;
        }
        if (low == null || key.compareTo(low) >= 0) {
          return true;
        }
      }
      return false;
    }

    private boolean readEntry() throws IOException {
      long shared;
      try {
        shared = readVarLong(in);
      } catch (EOFException end) {
        return false;
      }
      int rest = (int) readVarLong(in);
      if (shared > previous.length) {
        throw new IOException("malformed run: shared prefix longer than the previous key");
      }
      byte[] text = Arrays.copyOf(previous, (int) shared + rest);
      if (in.readNBytes(text, (int) shared, rest) != rest) {
        throw new IOException("run ends inside a key");
      }
      previous = text;
      key = DigestKey.wrap(text);
      totals =
          new DigestTotals(readVarLong(in), readVarLong(in), readVarLong(in), readVarLong(in) - 1);
      return true;
    }

    /** The current entry's key. */
    public DigestKey key() {
      return key;
    }

    /** The current entry's totals. */
    public DigestTotals totals() {
      return totals;
    }
  }

  static void writeVarLong(OutputStream out, long value) throws IOException {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  static long readVarLong(InputStream in) throws IOException {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.read();
      if (b < 0) {
        if (shift == 0) {
          throw new EOFException();
        }
        throw new IOException("run ends inside a number");
      }
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new IOException("malformed number in run");
  }
}
