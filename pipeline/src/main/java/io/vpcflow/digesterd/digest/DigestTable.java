package io.vpcflow.digesterd.digest;

import io.vpcflow.digesterd.flowlog.DecimalDigits;
import io.vpcflow.digesterd.flowlog.DigestField;
import io.vpcflow.digesterd.flowlog.FlowLogRecord;
import io.vpcflow.digesterd.flowlog.RecordHandler;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds flow-log records whose {@code start} lies in a half-open window {@code [start, stop)}
 * (epoch seconds) into totals per {@link DigestKey}. Records outside the window are refused, so
 * adjacent windows partition the records. Mutable, not thread-safe.
 *
 * <p>Built for millions of keys in a small heap: key texts live back to back in one byte arena;
 * each entry's key reference (arena offset and length) and totals sit side by side in one {@code
 * long} array; an open-addressing index holds each entry's number with its key's hash. A key costs
 * about 130 bytes, the garbage collector sees a handful of arrays, and looking up a key allocates
 * nothing and reads three places: its index slot (a hash that differs ends the comparison there),
 * its entry, and its text.
 */
public final class DigestTable implements RecordHandler, KeySorter.Keys {
  /** Longs per entry: the key reference, then packets, bytes, first start, last end. */
  private static final int STRIDE = 5;

  /** Array bytes per index slot. */
  private static final int BYTES_PER_SLOT = Long.BYTES;

  /** Bytes per key that {@link KeySorter} needs to sort a table: an int and a long. */
  public static final int SORT_BYTES_PER_KEY = Integer.BYTES + Long.BYTES;

  /** The key's first fields, and its last two: copied at once when one space apart in a line. */
  private static final DigestField[] LEADING_FIELDS = {
    DigestField.VERSION,
    DigestField.ACCOUNT_ID,
    DigestField.INTERFACE_ID,
    DigestField.SRCADDR,
    DigestField.DSTADDR
  };

  private static final DigestField[] TRAILING_FIELDS = {DigestField.ACTION, DigestField.LOG_STATUS};

  private final long windowStart;
  private final long windowStop;

  private byte[] arena = new byte[1 << 12];
  private int arenaUsed;

  /** Per entry: {@code offset << 32 | length} of its key text in the arena, then its totals. */
  private long[] entries = new long[64 * STRIDE];

  private int size;

  /** Per slot: 0 when empty, else {@code hash << 32 | (entry + 1)}. */
  private long[] slots = new long[128];

  /** Records folded in together; see {@link #flush}. */
  private static final int BATCH = 32;

  /** Packets, bytes, start and end of a pending record. */
  private static final int TOTALS_PER_RECORD = 4;

  private static final int PENDING_BYTES_PER_KEY =
      3 * Integer.BYTES + TOTALS_PER_RECORD * Long.BYTES;

  /** Records accepted but not yet folded in: their key texts back to back, hashes and numbers. */
  private byte[] pendingText = new byte[BATCH * 128];

  private final int[] pendingOffset = new int[BATCH];
  private final int[] pendingLength = new int[BATCH];
  private final int[] pendingHash = new int[BATCH];
  private final long[] pendingNumbers = new long[BATCH * TOTALS_PER_RECORD];
  private int pending;
  private int pendingBytes;

  /** Where {@link #appendKey} writes the key it builds next. */
  private int keyEnd;

  /** What the batch's touching loads read; kept so that they are not optimised away. */
  private long touched;

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
    int keyLength = appendKey(record);
    int p = pending;
    pendingOffset[p] = pendingBytes;
    pendingLength[p] = keyLength;
    pendingHash[p] = hash(pendingText, pendingBytes, keyLength);
    int n = p * TOTALS_PER_RECORD;
    pendingNumbers[n] = record.number(DigestField.PACKETS);
    pendingNumbers[n + 1] = record.number(DigestField.BYTES);
    pendingNumbers[n + 2] = start;
    pendingNumbers[n + 3] = record.number(DigestField.END);
    pendingBytes += keyLength;
    pending = p + 1;
    if (pending == BATCH) {
      flush();
    }
    return true;
  }

  /**
   * Folds the pending records in, in the order accepted. It first reads the index slots, then the
   * entries of all their keys, then the first bytes of those keys' texts: loads that do not wait
   * for each other, so that their cache misses overlap instead of coming one record at a time.
   */
  private void flush() {
    int mask = slots.length - 1;
    long sum = 0;
    for (int p = 0; p < pending; p++) {
      sum += slots[mix(pendingHash[p]) & mask];
    }
    for (int p = 0; p < pending; p++) {
      long held = slots[mix(pendingHash[p]) & mask];
      if (held != 0) {
        sum += entries[((int) held - 1) * STRIDE];
      }
    }
    for (int p = 0; p < pending; p++) {
      long held = slots[mix(pendingHash[p]) & mask];
      if (held != 0) {
        sum += arena[(int) (entries[((int) held - 1) * STRIDE] >>> 32)];
      }
    }
    touched += sum;
    for (int p = 0; p < pending; p++) {
      fold(p);
    }
    pending = 0;
    pendingBytes = 0;
  }

  private void fold(int p) {
    int entry = find(pendingText, pendingOffset[p], pendingLength[p], pendingHash[p]);
    int n = p * TOTALS_PER_RECORD;
    if (entry == size) {
      entry = add(pendingText, pendingOffset[p], pendingLength[p], pendingHash[p]);
      int t = entry * STRIDE;
      entries[t + 1] = pendingNumbers[n];
      entries[t + 2] = pendingNumbers[n + 1];
      entries[t + 3] = pendingNumbers[n + 2];
      entries[t + 4] = pendingNumbers[n + 3];
    } else {
      int t = entry * STRIDE;
      entries[t + 1] += pendingNumbers[n];
      entries[t + 2] += pendingNumbers[n + 1];
      entries[t + 3] = Math.min(entries[t + 3], pendingNumbers[n + 2]);
      entries[t + 4] = Math.max(entries[t + 4], pendingNumbers[n + 3]);
    }
  }

  /** The entry of the key text, or {@link #size} when absent. */
  private int find(byte[] text, int from, int length, int hash) {
    int mask = slots.length - 1;
    for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      long held = slots[slot];
      if (held == 0) {
        return size;
      }
      if ((int) (held >>> 32) == hash) {
        int entry = (int) held - 1;
        long ref = entries[entry * STRIDE];
        int offset = (int) (ref >>> 32);
        if ((int) ref == length
            && Arrays.equals(arena, offset, offset + length, text, from, from + length)) {
          return entry;
        }
      }
    }
  }

  /** Adds the key text as a new entry; returns its number. */
  private int add(byte[] text, int from, int length, int hash) {
    if ((size + 1) * STRIDE > entries.length) {
      entries = Arrays.copyOf(entries, entries.length * 2);
    }
    if (arenaUsed + length > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + length));
    }
    System.arraycopy(text, from, arena, arenaUsed, length);
    int entry = size;
    entries[entry * STRIDE] = ((long) arenaUsed << 32) | length;
    arenaUsed += length;
    size++;
    if (size * 2 > slots.length) {
      long[] old = slots;
      slots = new long[old.length * 2];
      for (long held : old) {
        if (held != 0) {
          insertSlot(held);
        }
      }
    }
    insertSlot(((long) hash << 32) | (entry + 1));
    return entry;
  }

  private void insertSlot(long held) {
    int mask = slots.length - 1;
    int slot = mix((int) (held >>> 32)) & mask;
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = held;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /**
   * A hash of {@code text[from, from + length)}, eight bytes per step (in-memory only, never
   * stored).
   */
  static int hash(byte[] text, int from, int length) {
    long h = length * GOLDEN;
    int i = from;
    int end = from + length;
    for (; i + Long.BYTES <= end; i += Long.BYTES) {
      h = (h ^ (long) LONGS.get(text, i)) * GOLDEN;
      h ^= h >>> 32;
    }
    long tail = 0;
    for (; i < end; i++) {
      tail = (tail << 8) | (text[i] & 0xff);
    }
    h = (h ^ tail) * GOLDEN;
    return (int) (h ^ (h >>> 32));
  }

  /** Spreads the bits of a key's hash over the index (linear probing needs it). */
  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /**
   * The number of distinct keys. Entry numbers, for the methods that take one, are below it: it
   * folds in the records accepted since the last call.
   */
  public int size() {
    if (pending > 0) {
      flush();
    }
    return size;
  }

  /** Whether no record was accepted. */
  public boolean isEmpty() {
    return size + pending == 0;
  }

  /**
   * Empties the table, pending records included, and keeps the arrays it has grown: refilled after
   * a spill, it does not grow (and copy) them again, and its {@link #footprintBytes} stays as it
   * was.
   */
  public void clear() {
    size = 0;
    arenaUsed = 0;
    pending = 0;
    pendingBytes = 0;
    Arrays.fill(slots, 0L);
  }

  /** The bytes held by the table's arrays. */
  public long footprintBytes() {
    return arena.length
        + (long) entries.length * Long.BYTES
        + (long) slots.length * BYTES_PER_SLOT
        + pendingText.length
        + (long) BATCH * PENDING_BYTES_PER_KEY;
  }

  /**
   * Whether one more key of up to {@code keyBytes} bytes could take the table past {@code
   * budgetBytes}: its arrays after the growth that key and the records not yet folded in may cause
   * (each counted as a new key), while the old and the new copy of a growing array both live, plus
   * what sorting the keys into a run needs ({@link #SORT_BYTES_PER_KEY} per key).
   */
  public boolean wouldExceed(long budgetBytes, int keyBytes) {
    long keys = size + pending + 1L;
    long predicted = footprintBytes() + keys * SORT_BYTES_PER_KEY;
    if (keys * STRIDE > entries.length) {
      predicted += 2L * entries.length * Long.BYTES;
    }
    if (keys * 2 > slots.length) {
      predicted += 2L * slots.length * BYTES_PER_SLOT;
    }
    long arenaNeeded = arenaUsed + (long) pendingBytes + keyBytes;
    if (arenaNeeded > arena.length) {
      predicted += Math.max(arena.length * 2L, arenaNeeded);
    }
    if (pendingBytes + (long) keyBytes > pendingText.length) {
      predicted += Math.max(pendingText.length * 2L, pendingBytes + (long) keyBytes);
    }
    return predicted > budgetBytes;
  }

  @Override
  public int length(int entry) {
    return (int) entries[entry * STRIDE];
  }

  private int offset(int entry) {
    return (int) (entries[entry * STRIDE] >>> 32);
  }

  @Override
  public int byteAt(int entry, int index) {
    return arena[offset(entry) + index] & 0xff;
  }

  @Override
  public int digit(int entry, int depth) {
    long ref = entries[entry * STRIDE];
    int offset = (int) (ref >>> 32);
    int length = (int) ref;
    if (depth + 4 <= length) {
      int at = offset + depth;
      return (arena[at] & 0xff) << 24
          | (arena[at + 1] & 0xff) << 16
          | (arena[at + 2] & 0xff) << 8
          | (arena[at + 3] & 0xff);
    }
    return KeySorter.Keys.super.digit(entry, depth);
  }

  @Override
  public int compare(int a, int b) {
    int offsetA = offset(a);
    int offsetB = offset(b);
    return Arrays.compareUnsigned(
        arena, offsetA, offsetA + length(a), arena, offsetB, offsetB + length(b));
  }

  /** The key of entry {@code entry} (0 ≤ entry < size), as a new object. */
  DigestKey key(int entry) {
    int offset = offset(entry);
    return DigestKey.wrap(Arrays.copyOfRange(arena, offset, offset + length(entry)));
  }

  /**
   * Reads the entry's reference (and, with {@code andKey}, the first byte of its key) so that a
   * later use finds them in the cache; returns what it read.
   */
  int touch(int entry, boolean andKey) {
    long ref = entries[entry * STRIDE];
    return andKey ? arena[(int) (ref >>> 32)] : (int) ref;
  }

  /**
   * Copies the key text of {@code entry}, from its byte {@code from}, into {@code dest} at {@code
   * at}.
   */
  void copyKey(int entry, int from, byte[] dest, int at) {
    System.arraycopy(arena, offset(entry) + from, dest, at, length(entry) - from);
  }

  /** The length of the prefix that the keys of two entries share. */
  int sharedPrefix(int a, int b) {
    int offsetA = offset(a);
    int offsetB = offset(b);
    int m =
        Arrays.mismatch(arena, offsetA, offsetA + length(a), arena, offsetB, offsetB + length(b));
    return m < 0 ? length(a) : m;
  }

  /** The totals of entry {@code entry}, as a new object. */
  DigestTotals totals(int entry) {
    int t = entry * STRIDE;
    return new DigestTotals(entries[t + 1], entries[t + 2], entries[t + 3], entries[t + 4]);
  }

  /** A read-only snapshot of the totals per key (a copy: for inspection and tests). */
  public Map<DigestKey, DigestTotals> entries() {
    Map<DigestKey, DigestTotals> map = new HashMap<>();
    for (int entry = 0; entry < size(); entry++) {
      map.put(key(entry), totals(entry));
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * Appends the key text of {@code record} to the pending texts, at {@link #pendingBytes} (which it
   * leaves as it was); returns its length.
   */
  private int appendKey(FlowLogRecord record) {
    keyEnd = pendingBytes;
    copyFields(record, LEADING_FIELDS);
    long srcport = record.number(DigestField.SRCPORT);
    long dstport = record.number(DigestField.DSTPORT);
    appendNumber(PortNormalisation.srcport(srcport, dstport));
    appendNumber(PortNormalisation.dstport(srcport, dstport));
    appendNumber(record.number(DigestField.PROTOCOL));
    copyFields(record, TRAILING_FIELDS);
    return keyEnd - 1 - pendingBytes;
  }

  /** Each field's text and a space: one copy when they lie one space apart in the line. */
  private void copyFields(FlowLogRecord record, DigestField[] fields) {
    int end = record.spanEnd(fields);
    if (end < 0) {
      for (DigestField field : fields) {
        copyField(record, field);
      }
      return;
    }
    appendText(record.line(), record.start(fields[0]), end);
  }

  private void copyField(FlowLogRecord record, DigestField field) {
    if (record.isAbsent(field)) {
      appendDash();
      return;
    }
    appendText(record.line(), record.start(field), record.end(field));
  }

  /** Appends {@code line[from, to)} and a space. */
  private void appendText(byte[] line, int from, int to) {
    int len = to - from;
    ensure(len + 1);
    System.arraycopy(line, from, pendingText, keyEnd, len);
    keyEnd += len;
    pendingText[keyEnd++] = ' ';
  }

  private void appendNumber(long value) {
    if (value == FlowLogRecord.ABSENT) {
      appendDash();
      return;
    }
    ensure(21);
    keyEnd += DecimalDigits.count(value);
    DecimalDigits.write(value, pendingText, keyEnd);
    pendingText[keyEnd++] = ' ';
  }

  private void appendDash() {
    ensure(2);
    pendingText[keyEnd++] = '-';
    pendingText[keyEnd++] = ' ';
  }

  private void ensure(int extra) {
    if (keyEnd + extra > pendingText.length) {
      pendingText = Arrays.copyOf(pendingText, Math.max(pendingText.length * 2, keyEnd + extra));
    }
  }
}
