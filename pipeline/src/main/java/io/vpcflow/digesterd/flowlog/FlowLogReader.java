package io.vpcflow.digesterd.flowlog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the text of one flow-log object (already decompressed) line by line, classifies every line
 * with a {@link LineOutcome} and hands each valid {@code OK} record to a {@link RecordHandler}.
 * Never throws for bad content, only for I/O errors of the stream.
 *
 * <p>The format is taken from a header line wherever one appears (first line, or repeated in a
 * concatenated object); lines before any header are read as the default v2 format. Fields are
 * separated by runs of spaces or tabs; a trailing CR is ignored. One instance reads one object at a
 * time and is not thread-safe.
 */
public final class FlowLogReader {
  /** In {@link #acceptRow}'s {@code numbers}: the field's text is in the row. */
  public static final long AS_TEXT = Long.MIN_VALUE;

  /** Lines longer than this are skipped as {@link LineOutcome#LINE_TOO_LONG} by default. */
  public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;

  private static final int MAX_TOKENS = 128;
  private static final int READ_CHUNK = 64 * 1024;
  private static final DigestField[] NUMERIC_FIELDS =
      Arrays.stream(DigestField.values()).filter(DigestField::isNumber).toArray(DigestField[]::new);
  private static final long NUMBER_LIMIT = 1_000_000_000_000_000_000L;
  private static final DigestField[] REQUIRED_FIELDS = {
    DigestField.SRCADDR,
    DigestField.DSTADDR,
    DigestField.PACKETS,
    DigestField.BYTES,
    DigestField.START
  };

  private final int maxLineBytes;
  private final FlowLogRecord record = new FlowLogRecord(MAX_TOKENS);
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  private FlowLogFormat format;
  private boolean highBytes;
  private boolean formatDigestible;
  private LineCounts counts;
  private List<String> formatProblems;
  private Set<FlowLogFormat> reportedFormats;

  /** A reader with the {@link #DEFAULT_MAX_LINE_BYTES} cap. */
  public FlowLogReader() {
    this(DEFAULT_MAX_LINE_BYTES);
  }

  /** A reader that skips lines longer than {@code maxLineBytes} (must be positive). */
  public FlowLogReader(int maxLineBytes) {
    if (maxLineBytes <= 0) {
      throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Reads {@code in} to its end.
   *
   * @throws IOException only when the stream itself fails (for example a truncated gzip member)
   */
  public ObjectParseResult read(InputStream in, RecordHandler handler) throws IOException {
    begin(FlowLogFormat.V2);
    long textBytes = 0;

    byte[] buf = new byte[maxLineBytes + READ_CHUNK];
    int lineStart = 0;
    int scan = 0;
    int end = 0;
    boolean discarding = false;
    while (true) {
      if (end == buf.length) {
        System.arraycopy(buf, lineStart, buf, 0, end - lineStart);
        end -= lineStart;
        scan -= lineStart;
        lineStart = 0;
      }
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        break;
      }
      textBytes += n;
      end += n;
      for (scan = ByteScan.indexOf(buf, scan, end, (byte) '\n');
          scan < end;
          scan = ByteScan.indexOf(buf, scan + 1, end, (byte) '\n')) {
        if (discarding) {
          discarding = false;
        } else {
          processLine(buf, lineStart, scan, handler);
        }
        lineStart = scan + 1;
      }
      if (!discarding && pendingTooLong(buf, lineStart, end)) {
        counts.add(LineOutcome.LINE_TOO_LONG);
        discarding = true;
      }
      if (discarding) {
        lineStart = end;
        scan = end;
      }
    }
    if (!discarding && end > lineStart) {
      processLine(buf, lineStart, end, handler);
    }
    return new ObjectParseResult(counts, List.copyOf(formatProblems), textBytes);
  }

  /**
   * Starts reading the rows of an object that has no header lines, such as a Parquet object's rows
   * rendered as text by {@link io.vpcflow.digesterd.parquet}: every row has {@code format}. When it
   * lacks fields the digest needs, that is reported as for a header, naming {@code source} (such as
   * the object's columns). Rows then go to {@link #acceptRow} or {@link #countRows}, and {@link
   * #finishRows} ends the object.
   */
  public void beginRows(FlowLogFormat format, String source) {
    begin(format);
    acceptFormat(format, source);
  }

  /**
   * Classifies one row whose fields are already apart, field {@code i} being {@code row[starts[i],
   * ends[i])} ({@code -} for no value), exactly as a text line of the {@link #beginRows} format
   * holding these fields, except that a row is never taken for a header; hands it to {@code
   * handler} when it is a valid {@code OK} record.
   *
   * @param numbers per field, {@link #AS_TEXT}, or the value of a {@link DigestField#isNumber}
   *     field handed over as a number (its text in {@code row} is then any one byte other than
   *     {@code -}): as the line would hold it in decimal, so non-numeric when negative or of more
   *     than 18 digits
   * @param elidedBytes how many bytes longer the row is with those numbers written in decimal
   * @param highBytes whether a field holds a byte above 0x7f (its UTF-8 is then checked)
   */
  public void acceptRow(
      byte[] row,
      int[] starts,
      int[] ends,
      long[] numbers,
      int elidedBytes,
      int fields,
      boolean highBytes,
      RecordHandler handler) {
    if (fields == 0 || fields > MAX_TOKENS) {
      counts.add(LineOutcome.WRONG_FIELD_COUNT);
      return;
    }
    int from = starts[0];
    int to = ends[fields - 1];
    if (to - from + elidedBytes > maxLineBytes) {
      counts.add(LineOutcome.LINE_TOO_LONG);
      return;
    }
    System.arraycopy(starts, 0, record.tokenStart, 0, fields);
    System.arraycopy(ends, 0, record.tokenEnd, 0, fields);
    this.highBytes = highBytes;
    counts.add(classify(row, from, to, fields, false, numbers, handler));
  }

  /** Counts {@code rows} rows whose outcome was decided before they could be rendered. */
  public void countRows(LineOutcome outcome, long rows) {
    counts.add(outcome, rows);
  }

  /** Ends the object begun by {@link #beginRows}; {@code uncompressedBytes} as its source says. */
  public ObjectParseResult finishRows(long uncompressedBytes) {
    return new ObjectParseResult(counts, List.copyOf(formatProblems), uncompressedBytes);
  }

  private void begin(FlowLogFormat initial) {
    setFormat(initial);
    counts = new LineCounts();
    formatProblems = new ArrayList<>();
    reportedFormats = new HashSet<>();
  }

  /**
   * Whether the unfinished line {@code buf[from, to)} is too long whatever follows. A last byte CR
   * may be the first half of a CRLF, which {@link #processLine} drops before it measures the line,
   * so it is not counted yet: the outcome must not depend on where the stream's reads end.
   */
  private boolean pendingTooLong(byte[] buf, int from, int to) {
    int length = to - from;
    return length > maxLineBytes + 1 || (length == maxLineBytes + 1 && buf[to - 1] != '\r');
  }

  private void setFormat(FlowLogFormat newFormat) {
    format = newFormat;
    formatDigestible = newFormat.missingRequiredFields().isEmpty();
  }

  private void processLine(byte[] line, int from, int to, RecordHandler handler) {
    if (to > from && line[to - 1] == '\r') {
      to--;
    }
    if (to - from > maxLineBytes) {
      counts.add(LineOutcome.LINE_TOO_LONG);
      return;
    }
    int tokens = tokenize(line, from, to);
    counts.add(classify(line, from, to, tokens, true, null, handler));
  }

  /** Sets {@link #highBytes} when a token holds a byte above 0x7f (so UTF-8 must be checked). */
  private int tokenize(byte[] line, int from, int to) {
    highBytes = false;
    int[] starts = record.tokenStart;
    int[] ends = record.tokenEnd;
    int tokens = 0;
    int i = from;
    while (i < to) {
      while (i < to && isSeparator(line[i])) {
        i++;
      }
      if (i == to) {
        break;
      }
      int start = i;
      while (i < to) {
        byte b = line[i];
        if (b <= ' ') {
          if (b == ' ' || b == '\t') {
            break;
          }
          highBytes |= b < 0;
        }
        i++;
      }
      if (tokens == MAX_TOKENS) {
        return MAX_TOKENS + 1;
      }
      starts[tokens] = start;
      ends[tokens] = i;
      tokens++;
    }
    return tokens;
  }

  /** Space or tab; tested as "above space" first, the answer for almost every byte. */
  private static boolean isSeparator(byte b) {
    return b <= ' ' && (b == ' ' || b == '\t');
  }

  /** {@code givenNumbers} as {@link #acceptRow}'s {@code numbers}, or null for a text line. */
  private LineOutcome classify(
      byte[] line,
      int from,
      int to,
      int tokens,
      boolean headers,
      long[] givenNumbers,
      RecordHandler handler) {
    if (tokens == 0) {
      return LineOutcome.BLANK;
    }
    if (tokens > MAX_TOKENS) {
      return LineOutcome.WRONG_FIELD_COUNT;
    }
    if (highBytes && !isValidUtf8(line, from, to)) {
      return LineOutcome.INVALID_UTF8;
    }
    byte first = line[record.tokenStart[0]];
    if (headers && first >= 'a' && first <= 'z') {
      List<String> names = tokenStrings(line, tokens);
      if (FlowLogFormat.isHeader(names)) {
        acceptHeader(FlowLogFormat.fromNames(names));
        return LineOutcome.HEADER;
      }
    }
    if (tokens != format.fieldCount()) {
      return LineOutcome.WRONG_FIELD_COUNT;
    }
    if (!formatDigestible) {
      return LineOutcome.FORMAT_LACKS_FIELDS;
    }
    record.line = line;
    record.format = format;
    LineOutcome status = logStatus();
    if (status != null) {
      return status;
    }
    for (DigestField field : REQUIRED_FIELDS) {
      if (record.isAbsent(field)) {
        return LineOutcome.MISSING_VALUE;
      }
    }
    LineOutcome numbers = parseNumbers(givenNumbers);
    if (numbers != null) {
      return numbers;
    }
    return handler.accept(record) ? LineOutcome.DIGESTED : LineOutcome.OUTSIDE_WINDOW;
  }

  private void acceptHeader(FlowLogFormat header) {
    acceptFormat(header, "header '" + header + "'");
  }

  private void acceptFormat(FlowLogFormat format, String source) {
    setFormat(format);
    if (!formatDigestible && reportedFormats.add(format)) {
      formatProblems.add(
          "format lacks fields the digest needs "
              + format.missingRequiredFields().stream().map(DigestField::headerName).toList()
              + ": "
              + source);
    }
  }

  /** Null for an OK record (or a format without log-status), else the outcome of the line. */
  private LineOutcome logStatus() {
    if (format.position(DigestField.LOG_STATUS) < 0) {
      return null;
    }
    byte[] line = record.line;
    int from = record.start(DigestField.LOG_STATUS);
    int len = record.end(DigestField.LOG_STATUS) - from;
    if (len == 2 && line[from] == 'O' && line[from + 1] == 'K') {
      return null;
    }
    if (matches(line, from, len, "NODATA")) {
      return LineOutcome.NODATA;
    }
    if (matches(line, from, len, "SKIPDATA")) {
      return LineOutcome.SKIPDATA;
    }
    return LineOutcome.UNKNOWN_LOG_STATUS;
  }

  private LineOutcome parseNumbers(long[] givenNumbers) {
    for (DigestField field : NUMERIC_FIELDS) {
      long value;
      int position = format.position(field);
      if (givenNumbers != null && position >= 0 && givenNumbers[position] != AS_TEXT) {
        value = givenNumbers[position];
        if (value < 0 || value >= NUMBER_LIMIT) {
          return LineOutcome.NON_NUMERIC;
        }
      } else if (record.isAbsent(field)) {
        value = FlowLogRecord.ABSENT;
      } else {
        value = parseDigits(record.line, record.start(field), record.end(field));
        if (value < 0) {
          return LineOutcome.NON_NUMERIC;
        }
      }
      if (value != FlowLogRecord.ABSENT && exceedsRange(field, value)) {
        return LineOutcome.OUT_OF_RANGE;
      }
      record.numbers[field.ordinal()] = value;
    }
    return null;
  }

  private static boolean exceedsRange(DigestField field, long value) {
    return switch (field) {
      case SRCPORT, DSTPORT -> value > 65535;
      case PROTOCOL -> value > 255;
      default -> false;
    };
  }

  /** The non-negative value of an ASCII decimal of at most 18 digits, or -1. */
  private static long parseDigits(byte[] line, int from, int to) {
    int len = to - from;
    if (len == 0 || len > 18) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      int digit = line[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static boolean matches(byte[] line, int from, int len, String ascii) {
    if (len != ascii.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (line[from + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean isValidUtf8(byte[] line, int from, int to) {
    try {
      utf8.reset().decode(ByteBuffer.wrap(line, from, to - from));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private List<String> tokenStrings(byte[] line, int tokens) {
    List<String> names = new ArrayList<>(tokens);
    for (int t = 0; t < tokens; t++) {
      int start = record.tokenStart[t];
      names.add(new String(line, start, record.tokenEnd[t] - start, StandardCharsets.UTF_8));
    }
    return names;
  }
}
