package io.vpcflow.digesterd.flowlog;

/**
 * A view of one valid record line, reused from line to line by {@link FlowLogReader}: valid only
 * during the {@link RecordHandler#accept} call that receives it. Text fields are exposed as byte
 * ranges of the line (UTF-8), numeric fields as parsed values, {@link #ABSENT} when the field is
 * {@code -} or missing from the format.
 */
public final class FlowLogRecord {
  /** The value of a numeric field that is {@code -} or not part of the format. */
  public static final long ABSENT = -1;

  byte[] line;
  final int[] tokenStart;
  final int[] tokenEnd;
  FlowLogFormat format;
  final long[] numbers = new long[DigestField.values().length];

  FlowLogRecord(int maxTokens) {
    tokenStart = new int[maxTokens];
    tokenEnd = new int[maxTokens];
  }

  /** The bytes of the current line; use with {@link #start(DigestField)} and {@link #end}. */
  public byte[] line() {
    return line;
  }

  /** Whether the field is missing from the format or holds {@code -}. */
  public boolean isAbsent(DigestField field) {
    int pos = format.position(field);
    return pos < 0 || (tokenEnd[pos] - tokenStart[pos] == 1 && line[tokenStart[pos]] == '-');
  }

  /** Offset in {@link #line()} where the field's text starts; only when not absent. */
  public int start(DigestField field) {
    return tokenStart[format.position(field)];
  }

  /** Offset in {@link #line()} just after the field's text; only when not absent. */
  public int end(DigestField field) {
    return tokenEnd[format.position(field)];
  }

  /**
   * When {@code fields} are next to each other in the line, in that order, each one space after the
   * one before, the offset just after the last of them; else -1.
   */
  public int spanEnd(DigestField[] fields) {
    int at = format.position(fields[0]);
    if (at < 0) {
      return -1;
    }
    for (int i = 1; i < fields.length; i++) {
      int next = format.position(fields[i]);
      int gap = tokenEnd[at];
      if (next != at + 1 || tokenStart[next] != gap + 1 || line[gap] != ' ') {
        return -1;
      }
      at = next;
    }
    return tokenEnd[at];
  }

  /** The field as a string, or {@code null} when absent. */
  public String text(DigestField field) {
    if (isAbsent(field)) {
      return null;
    }
    int from = start(field);
    return new String(line, from, end(field) - from, java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * The parsed value of a numeric field (srcport, dstport, protocol, packets, bytes, start, end),
   * or {@link #ABSENT}.
   */
  public long number(DigestField field) {
    return numbers[field.ordinal()];
  }
}
