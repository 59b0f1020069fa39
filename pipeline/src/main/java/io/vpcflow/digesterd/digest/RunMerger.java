package io.vpcflow.digesterd.digest;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges sorted runs into the digest's text in one streaming pass: entries of equal keys from
 * different runs are summed, and lines come out in digest order (unsigned bytes of the whole line),
 * holding only one entry per run and one group of keys in memory.
 *
 * <p>Key order and line order agree except among keys that share their first eight fields (version
 * … protocol) and differ in action or log-status: such keys are contiguous in key order (a space
 * sorts before any other byte of a field), so each such group is sorted by line before it is
 * written.
 */
public final class RunMerger {
  private static final int FIELDS_BEFORE_TOTALS = 8;

  private RunMerger() {}

  /**
   * Writes the merged lines, each ended by a newline, to {@code out} (not closed).
   *
   * @return the number of lines (distinct keys) written
   */
  public static long merge(List<byte[]> runs, OutputStream out) throws IOException {
    List<SortedRun.Reader> readers = new ArrayList<>(runs.size());
    for (byte[] run : runs) {
      readers.add(SortedRun.read(run));
    }
    return mergeReaders(readers, out);
  }

  /**
   * Like {@link #merge(List, OutputStream)}, for runs being read (each reader not yet advanced).
   * Readers limited to one key range ({@link SortedRun#read(java.io.InputStream, byte[], byte[])})
   * give that range's lines, provided the range starts at a key group ({@link KeyRanges}).
   */
  public static long mergeReaders(List<SortedRun.Reader> readers, OutputStream out)
      throws IOException {
    PriorityQueue<SortedRun.Reader> heads =
        new PriorityQueue<>(Math.max(1, readers.size()), (a, b) -> a.key().compareTo(b.key()));
    for (SortedRun.Reader reader : readers) {
      if (reader.next()) {
        heads.add(reader);
      }
    }
    Group group = new Group(out);
    while (!heads.isEmpty()) {
      SortedRun.Reader head = heads.poll();
      DigestKey key = head.key();
      DigestTotals totals = head.totals();
      advance(head, heads);
      while (!heads.isEmpty() && heads.peek().key().equals(key)) {
        SortedRun.Reader same = heads.poll();
        totals.merge(same.totals());
        advance(same, heads);
      }
      group.add(key, totals);
    }
    group.flush();
    return group.written;
  }

  private static void advance(SortedRun.Reader reader, PriorityQueue<SortedRun.Reader> heads)
      throws IOException {
    if (reader.next()) {
      heads.add(reader);
    }
  }

  /**
   * Keys sharing their first eight fields, held until the group ends, then sorted by line. A group
   * of one key (almost every group) is written straight through.
   */
  private static final class Group {
    private final OutputStream out;
    private final List<byte[]> lines = new ArrayList<>();
    private DigestKey first;
    private DigestTotals firstTotals;
    private int prefixLength;
    long written;

    Group(OutputStream out) {
      this.out = out;
    }

    void add(DigestKey key, DigestTotals totals) throws IOException {
      if (first != null && !samePrefix(key)) {
        flush();
      }
      if (first == null) {
        first = key;
        firstTotals = totals;
        prefixLength = prefixLength(key);
        return;
      }
      if (lines.isEmpty()) {
        lines.add(DigestLines.render(first, firstTotals));
      }
      lines.add(DigestLines.render(key, totals));
    }

    private boolean samePrefix(DigestKey key) {
      if (key.length() <= prefixLength) {
        return false;
      }
      for (int i = 0; i <= prefixLength; i++) {
        if (key.byteAt(i) != first.byteAt(i)) {
          return false;
        }
      }
      return true;
    }

    /** Length of the first eight fields, without the space that follows them. */
    private static int prefixLength(DigestKey key) {
      int spaces = 0;
      for (int i = 0; i < key.length(); i++) {
        if (key.byteAt(i) == ' ' && ++spaces == FIELDS_BEFORE_TOTALS) {
          return i;
        }
      }
      throw new IllegalStateException("a key has ten fields: " + key);
    }

    void flush() throws IOException {
      if (first == null) {
        return;
      }
      if (lines.isEmpty()) {
        DigestLines.writeLine(first, firstTotals, out);
        written++;
      } else {
        DigestLines.sort(lines);
        for (byte[] line : lines) {
          out.write(line);
          out.write('\n');
        }
        written += lines.size();
        lines.clear();
      }
      first = null;
    }
  }
}
