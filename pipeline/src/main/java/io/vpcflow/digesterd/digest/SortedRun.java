package io.vpcflow.digesterd.digest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;

/**
 * A table's entries sorted by key and serialised compactly: the unit in which partial totals
 * travel from the workers that read objects to the one that writes the digest. Sorted runs merge
 * in one streaming pass ({@link RunMerger}), so the writer never holds all keys in memory.
 *
 * <p>Keys are front-coded (consecutive sorted keys share long prefixes). Record format, all
 * numbers as unsigned varints: length of the prefix shared with the previous key, length of the
 * rest, the rest's bytes, packets, bytes, min start, max end + 1 (so an absent end is 0).
 */
public final class SortedRun {
  private SortedRun() {}

  /** The sorted, serialised entries of {@code table}. */
  public static byte[] of(DigestTable table) {
    Map<DigestKey, DigestTotals> entries = table.entries();
    DigestKey[] keys = new DigestKey[entries.size()];
    DigestTotals[] totals = new DigestTotals[entries.size()];
    int n = 0;
    for (Map.Entry<DigestKey, DigestTotals> entry : entries.entrySet()) {
      keys[n] = entry.getKey();
      totals[n++] = entry.getValue();
    }
    KeySorter.sort(keys, totals);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, keys.length * 32));
    byte[] previous = new byte[0];
    for (int i = 0; i < keys.length; i++) {
      byte[] key = keys[i].text();
      int shared = Arrays.mismatch(previous, key);
      shared = shared < 0 ? key.length : shared;
      writeVarLong(bytes, shared);
      writeVarLong(bytes, key.length - shared);
      bytes.write(key, shared, key.length - shared);
      writeVarLong(bytes, totals[i].packets());
      writeVarLong(bytes, totals[i].bytes());
      writeVarLong(bytes, totals[i].minStart());
      writeVarLong(bytes, totals[i].maxEnd() + 1);
      previous = key;
    }
    return bytes.toByteArray();
  }

  /** A reader of a run's entries in key order. */
  public static Reader read(byte[] run) {
    return new Reader(new ByteArrayInputStream(run));
  }

  /** Reads the entries of one run, one at a time. */
  public static final class Reader {
    private final InputStream in;
    private byte[] previous = new byte[0];
    private DigestKey key;
    private DigestTotals totals;

    private Reader(InputStream in) {
      this.in = in;
    }

    /** Moves to the next entry; false at the end of the run. */
    public boolean next() throws IOException {
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
      totals = new DigestTotals(readVarLong(in), readVarLong(in), readVarLong(in), readVarLong(in) - 1);
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

  private static void writeVarLong(ByteArrayOutputStream out, long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static long readVarLong(InputStream in) throws IOException {
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
