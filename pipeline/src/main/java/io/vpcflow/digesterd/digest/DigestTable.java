package io.vpcflow.digesterd.digest;

import io.vpcflow.digesterd.flowlog.DigestField;
import io.vpcflow.digesterd.flowlog.FlowLogRecord;
import io.vpcflow.digesterd.flowlog.RecordHandler;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds flow-log records whose {@code start} lies in a half-open window {@code [start, stop)}
 * (epoch seconds) into totals per {@link DigestKey}. Records outside the window are refused, so
 * adjacent windows partition the records. Mutable, not thread-safe.
 *
 * <p>Built for millions of keys in a small heap: key texts live back to back in one byte arena,
 * totals in one {@code long} array, and an open-addressing index of entry numbers finds them, so
 * a key costs about 130 bytes, the garbage collector sees a handful of arrays, and looking up an
 * existing key allocates nothing and touches two cache lines rather than four objects.
 */
public final class DigestTable implements RecordHandler, KeySorter.Keys {
  private static final int TOTALS = 4;
  /** Array bytes per entry: offset, length and hash ints, and the totals. */
  private static final int BYTES_PER_ENTRY = 3 * Integer.BYTES + TOTALS * Long.BYTES;
  /** Bytes per key that {@link KeySorter} needs to sort a table: an int and a long. */
  public static final int SORT_BYTES_PER_KEY = Integer.BYTES + Long.BYTES;

  private final long windowStart;
  private final long windowStop;
  private final Probe probe = new Probe();

  private byte[] arena = new byte[1 << 12];
  private int arenaUsed;
  private int[] keyOffset = new int[64];
  private int[] keyLength = new int[64];
  private int[] keyHash = new int[64];
  private long[] totals = new long[64 * TOTALS];
  private int size;
  private int[] slots = new int[128];

  /** A table for records with {@code windowStart <= start < windowStop} (epoch seconds). */
  public DigestTable(long windowStart, long windowStop) {
    if (windowStart >= windowStop) {
      throw new IllegalArgumentException(
          "window start " + windowStart + " must be before stop " + windowStop);
    }
    this.windowStart = windowStart;
    this.windowStop = windowStop;
  }

  @Override
  public boolean accept(FlowLogRecord record) {
    long start = record.number(DigestField.START);
    if (start < windowStart || start >= windowStop) {
      return false;
    }
    probe.build(record);
    int entry = find(probe.text, probe.length, probe.hash);
    long packets = record.number(DigestField.PACKETS);
    long bytes = record.number(DigestField.BYTES);
    long end = record.number(DigestField.END);
    int t = entry * TOTALS;
    if (entry < size) {
      totals[t] += packets;
      totals[t + 1] += bytes;
      totals[t + 2] = Math.min(totals[t + 2], start);
      totals[t + 3] = Math.max(totals[t + 3], end);
    } else {
      add(probe.text, probe.length, probe.hash);
      totals[t] = packets;
      totals[t + 1] = bytes;
      totals[t + 2] = start;
      totals[t + 3] = end;
    }
    return true;
  }

  /** The entry of the key text, or {@link #size} when absent (its index if it is then added). */
  private int find(byte[] text, int length, int hash) {
    int mask = slots.length - 1;
    for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      int entry = slots[slot] - 1;
      if (entry < 0) {
        return size;
      }
      if (keyHash[entry] == hash
          && keyLength[entry] == length
          && Arrays.equals(arena, keyOffset[entry], keyOffset[entry] + length, text, 0, length)) {
        return entry;
      }
    }
  }

  private void add(byte[] text, int length, int hash) {
    if (size == keyOffset.length) {
      int capacity = size * 2;
      keyOffset = Arrays.copyOf(keyOffset, capacity);
      keyLength = Arrays.copyOf(keyLength, capacity);
      keyHash = Arrays.copyOf(keyHash, capacity);
      totals = Arrays.copyOf(totals, capacity * TOTALS);
    }
    if (arenaUsed + length > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + length));
    }
    System.arraycopy(text, 0, arena, arenaUsed, length);
    keyOffset[size] = arenaUsed;
    keyLength[size] = length;
    keyHash[size] = hash;
    arenaUsed += length;
    size++;
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    } else {
      insertSlot(size - 1);
    }
  }

  private void rehash(int capacity) {
    slots = new int[capacity];
    for (int entry = 0; entry < size; entry++) {
      insertSlot(entry);
    }
  }

  private void insertSlot(int entry) {
    int mask = slots.length - 1;
    int slot = mix(keyHash[entry]) & mask;
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = entry + 1;
  }

  /** Spreads the bits of a polynomial hash over the index (linear probing needs it). */
  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** The number of distinct keys. */
  public int size() {
    return size;
  }

  /** The bytes held by the table's arrays. */
  public long footprintBytes() {
    return arena.length + (long) keyOffset.length * BYTES_PER_ENTRY + (long) slots.length * Integer.BYTES;
  }

  /**
   * Whether one more key of up to {@code keyBytes} bytes could take the table past {@code
   * budgetBytes}: its arrays after the growth that key may cause, while the old and the new copy of
   * a growing array both live, plus what sorting the keys into a run needs ({@link
   * #SORT_BYTES_PER_KEY} per key).
   */
  public boolean wouldExceed(long budgetBytes, int keyBytes) {
    long predicted = footprintBytes() + (long) (size + 1) * SORT_BYTES_PER_KEY;
    if (size == keyOffset.length) {
      predicted += (long) keyOffset.length * BYTES_PER_ENTRY + (long) keyOffset.length * TOTALS * Long.BYTES;
    }
    if ((size + 1) * 2L > slots.length) {
      predicted += 2L * slots.length * Integer.BYTES;
    }
    if (arenaUsed + (long) keyBytes > arena.length) {
      predicted += Math.max(arena.length * 2L, arenaUsed + (long) keyBytes);
    }
    return predicted > budgetBytes;
  }

  @Override
  public int length(int entry) {
    return keyLength[entry];
  }

  @Override
  public int byteAt(int entry, int index) {
    return arena[keyOffset[entry] + index] & 0xff;
  }

  @Override
  public int compare(int a, int b) {
    return Arrays.compareUnsigned(
        arena, keyOffset[a], keyOffset[a] + keyLength[a],
        arena, keyOffset[b], keyOffset[b] + keyLength[b]);
  }

  /** The key of entry {@code entry} (0 ≤ entry < size), as a new object. */
  DigestKey key(int entry) {
    return DigestKey.wrap(Arrays.copyOfRange(arena, keyOffset[entry], keyOffset[entry] + keyLength[entry]));
  }

  /** Writes the key text of {@code entry} to {@code out}, starting at byte {@code from}. */
  void writeKey(int entry, int from, java.io.OutputStream out) throws java.io.IOException {
    out.write(arena, keyOffset[entry] + from, keyLength[entry] - from);
  }

  /** The length of the prefix that the keys of two entries share. */
  int sharedPrefix(int a, int b) {
    int m = Arrays.mismatch(
        arena, keyOffset[a], keyOffset[a] + keyLength[a],
        arena, keyOffset[b], keyOffset[b] + keyLength[b]);
    return m < 0 ? keyLength[a] : m;
  }

  /** The totals of entry {@code entry}, as a new object. */
  DigestTotals totals(int entry) {
    int t = entry * TOTALS;
    return new DigestTotals(totals[t], totals[t + 1], totals[t + 2], totals[t + 3]);
  }

  /** A read-only snapshot of the totals per key (a copy: for inspection and tests). */
  public Map<DigestKey, DigestTotals> entries() {
    Map<DigestKey, DigestTotals> map = new HashMap<>();
    for (int entry = 0; entry < size; entry++) {
      map.put(key(entry), totals(entry));
    }
    return Collections.unmodifiableMap(map);
  }

  /** The key text of a record, built in place in a reusable buffer, with its hash. */
  private static final class Probe {
    private byte[] text = new byte[256];
    private int length;
    private int hash;

    void build(FlowLogRecord record) {
      length = 0;
      copyField(record, DigestField.VERSION);
      copyField(record, DigestField.ACCOUNT_ID);
      copyField(record, DigestField.INTERFACE_ID);
      copyField(record, DigestField.SRCADDR);
      copyField(record, DigestField.DSTADDR);
      long srcport = record.number(DigestField.SRCPORT);
      long dstport = record.number(DigestField.DSTPORT);
      appendNumber(PortNormalisation.srcport(srcport, dstport));
      appendNumber(PortNormalisation.dstport(srcport, dstport));
      appendNumber(record.number(DigestField.PROTOCOL));
      copyField(record, DigestField.ACTION);
      copyField(record, DigestField.LOG_STATUS);
      length--;
      int h = 1;
      for (int i = 0; i < length; i++) {
        h = 31 * h + text[i];
      }
      hash = h;
    }


    private void copyField(FlowLogRecord record, DigestField field) {
      if (record.isAbsent(field)) {
        appendDash();
        return;
      }
      int from = record.start(field);
      int len = record.end(field) - from;
      ensure(len + 1);
      System.arraycopy(record.line(), from, text, length, len);
      length += len;
      text[length++] = ' ';
    }

    private void appendNumber(long value) {
      if (value == FlowLogRecord.ABSENT) {
        appendDash();
        return;
      }
      ensure(21);
      if (value == 0) {
        text[length++] = '0';
      } else {
        int digits = 0;
        for (long v = value; v > 0; v /= 10) {
          digits++;
        }
        for (int i = length + digits - 1; i >= length; i--) {
          text[i] = (byte) ('0' + value % 10);
          value /= 10;
        }
        length += digits;
      }
      text[length++] = ' ';
    }

    private void appendDash() {
      ensure(2);
      text[length++] = '-';
      text[length++] = ' ';
    }

    private void ensure(int extra) {
      if (length + extra > text.length) {
        text = java.util.Arrays.copyOf(text, Math.max(text.length * 2, length + extra));
      }
    }


  }
}
