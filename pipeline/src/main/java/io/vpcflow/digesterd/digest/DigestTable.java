package io.vpcflow.digesterd.digest;

import io.vpcflow.digesterd.flowlog.DigestField;
import io.vpcflow.digesterd.flowlog.FlowLogRecord;
import io.vpcflow.digesterd.flowlog.RecordHandler;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds flow-log records whose {@code start} lies in a half-open window {@code [start, stop)}
 * (epoch seconds) into totals per {@link DigestKey}. Records outside the window are refused, so
 * adjacent windows partition the records. Looking up an existing key allocates nothing. Mutable,
 * not thread-safe.
 */
public final class DigestTable implements RecordHandler {
  private final long windowStart;
  private final long windowStop;
  private final Map<DigestKey, DigestTotals> totals = new HashMap<>();
  private final Probe probe = new Probe();

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
    DigestTotals existing = totals.get(probe);
    long packets = record.number(DigestField.PACKETS);
    long bytes = record.number(DigestField.BYTES);
    long end = record.number(DigestField.END);
    if (existing != null) {
      existing.add(packets, bytes, start, end);
    } else {
      totals.put(probe.toKey(), new DigestTotals(packets, bytes, start, end));
    }
    return true;
  }

  /** The number of distinct keys. */
  public int size() {
    return totals.size();
  }

  /** A read-only view of the totals per key. */
  public Map<DigestKey, DigestTotals> entries() {
    return Collections.unmodifiableMap(totals);
  }

  /**
   * A reusable lookup key built in place from a record. It equals the {@link DigestKey} with the
   * same text, which is all {@link HashMap#get} needs; it never enters the map itself.
   */
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

    DigestKey toKey() {
      return DigestKey.wrap(java.util.Arrays.copyOf(text, length));
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

    @Override
    public boolean equals(Object other) {
      return other instanceof DigestKey && ((DigestKey) other).sameText(text, length, hash);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
