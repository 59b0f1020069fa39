package io.vpcflow.digesterd.parquet;

import io.vpcflow.digesterd.flowlog.DecimalDigits;
import io.vpcflow.digesterd.flowlog.DigestField;
import io.vpcflow.digesterd.flowlog.FlowLogReader;
import io.vpcflow.digesterd.flowlog.LineOutcome;
import io.vpcflow.digesterd.flowlog.RecordHandler;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Renders each row of a flat Parquet schema ({@link FlowLogColumns#projection}), decoded into one
 * {@link ColumnBatch} per column, as a text row of single-space separated values, noting where each
 * field begins and ends, and hands it to a {@link FlowLogReader} begun with the columns' format, so
 * a Parquet record meets exactly the rules of a text line. The integers of {@link
 * DigestField#isNumber} columns go to the reader as numbers rather than digits, with the bytes
 * their digits would take.
 *
 * <p>Values as text: a null, an empty string, a NaN and {@code -} are {@code -} (no value);
 * integers in decimal (unsigned when annotated so; timestamps in epoch seconds); a float or double
 * holding a whole number as that integer, any other as Java prints it (so it is non-numeric where a
 * number is needed); a boolean as {@code true}/{@code false}. A row longer than the reader's line
 * cap is {@link LineOutcome#LINE_TOO_LONG}, as the same text line would be; else a text value
 * holding white space or a control character, or an INT96 value, makes it {@link
 * LineOutcome#INVALID_VALUE}.
 *
 * <p>Exceptions thrown by the record handler are passed on wrapped in {@link HandlerFailure}, so
 * that the caller tells them from the file's problems. Not thread-safe.
 */
final class RowRenderer {
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

  private final FlowLogReader reader;
  private final RecordHandler handler;
  private final int maxRowBytes;
  private final int columnCount;

  /** Per column: {@code -1} signed; {@code 0xffffffff} unsigned INT32; {@code 0} unsigned INT64. */
  private final long[] unsignedMasks;

  /** Per column: how many of its integer units make a second (timestamps); else 1. */
  private final long[] divisors;

  /** Per column: whether its integers go to the reader as numbers (a numeric field). */
  private final boolean[] numberColumns;

  private final int[] starts;
  private final int[] ends;
  private final long[] numbers;
  private byte[] row = new byte[512];
  private int length;
  private int elided;
  private boolean invalid;
  private boolean tooLong;
  private boolean highBytes;

  RowRenderer(
      FlowLogColumns columns, FlowLogReader reader, int maxRowBytes, RecordHandler handler) {
    this.reader = reader;
    this.handler = handler;
    this.maxRowBytes = maxRowBytes;
    columnCount = columns.projection().getFieldCount();
    starts = new int[columnCount];
    ends = new int[columnCount];
    numbers = new long[columnCount];
    numberColumns = new boolean[columnCount];
    for (DigestField field : DigestField.values()) {
      int position = columns.format().position(field);
      if (field.isNumber() && position >= 0) {
        numberColumns[position] = true;
      }
    }
    unsignedMasks = new long[columnCount];
    divisors = new long[columnCount];
    for (int i = 0; i < columnCount; i++) {
      PrimitiveType type = columns.column(i);
      LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
      boolean int64 = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64;
      unsignedMasks[i] = !isUnsigned(logical) ? -1L : int64 ? 0L : 0xffffffffL;
      divisors[i] = int64 ? secondsDivisor(logical) : 1;
    }
  }

  /** An exception of the record handler, passed through the Parquet reader unchanged. */
  static final class HandlerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandlerFailure(RuntimeException cause) {
      super(cause);
    }

    @Override
    public synchronized RuntimeException getCause() {
      return (RuntimeException) super.getCause();
    }
  }

  /**
   * Renders rows {@code 0} to {@code rows - 1} of {@code batches} (one per column, in column order,
   * each holding at least {@code rows} rows) and hands each to the reader.
   */
  void render(ColumnBatch[] batches, int rows) {
    for (int r = 0; r < rows; r++) {
      startRow();
      for (int c = 0; c < columnCount; c++) {
        openField(c);
        putValue(c, batches[c], r);
      }
      if (columnCount > 0) {
        ends[columnCount - 1] = length;
      }
      endRow();
    }
  }

  private void startRow() {
    length = 0;
    elided = 0;
    Arrays.fill(numbers, FlowLogReader.AS_TEXT);
    invalid = false;
    tooLong = false;
    highBytes = false;
  }

  /** Hands the row to the reader. */
  private void endRow() {
    try {
      if (tooLong || length + elided > maxRowBytes) {
        reader.countRows(LineOutcome.LINE_TOO_LONG, 1);
      } else if (invalid) {
        reader.countRows(LineOutcome.INVALID_VALUE, 1);
      } else {
        reader.acceptRow(row, starts, ends, numbers, elided, columnCount, highBytes, handler);
      }
    } catch (RuntimeException e) {
      throw new HandlerFailure(e);
    }
  }

  /** Writes column {@code c}'s value of row {@code r} of its batch. */
  private void putValue(int c, ColumnBatch batch, int r) {
    if (!batch.present[r]) {
      put((byte) '-');
      return;
    }
    switch (batch.kind()) {
      case LONG -> putInteger(c, batch.longs[r]);
      case DOUBLE -> putDouble(batch.doubles[r]);
      case BOOLEAN -> putBytes(batch.longs[r] != 0 ? TRUE : FALSE);
      case TEXT -> putText(batch.bytes(), batch.starts[r], batch.ends[r]);
      case DICTIONARY_TEXT -> {
        ColumnDictionary dictionary = batch.dictionary();
        int id = batch.ids[r];
        putText(dictionary.bytes(), dictionary.start(id), dictionary.end(id), dictionary.flags(id));
      }
      case UNSUPPORTED -> {
        put((byte) '?');
        invalid = true;
      }
    }
  }

  /** Writes column {@code c}'s separator, if it has one, and notes where its field begins. */
  private void openField(int c) {
    if (c > 0) {
      ends[c - 1] = length;
      put((byte) ' ');
    }
    starts[c] = length;
  }

  private boolean room(int bytes) {
    if (length + bytes > row.length) {
      if (tooLong || length + elided + bytes > maxRowBytes + 1) {
        tooLong = true;
        return false;
      }
      byte[] grown = new byte[Math.max(row.length * 2, length + bytes)];
      System.arraycopy(row, 0, grown, 0, length);
      row = grown;
    }
    return true;
  }

  private void put(byte b) {
    if (room(1)) {
      row[length++] = b;
    }
  }

  private void putBytes(byte[] bytes) {
    if (room(bytes.length)) {
      System.arraycopy(bytes, 0, row, length, bytes.length);
      length += bytes.length;
    }
  }

  private void putText(byte[] value, int from, int to) {
    putText(value, from, to, TextFlags.of(value, from, to));
  }

  /** Writes a text value checked beforehand: {@code flags} as {@link TextFlags#of} of its bytes. */
  private void putText(byte[] value, int from, int to, byte flags) {
    int n = to - from;
    if (n == 0) {
      put((byte) '-');
      return;
    }
    if (room(n)) {
      System.arraycopy(value, from, row, length, n);
      length += n;
      note(flags);
    }
  }

  private void note(byte flags) {
    invalid |= (flags & TextFlags.NOT_PRINTABLE) != 0;
    highBytes |= (flags & TextFlags.HIGH) != 0;
  }

  /**
   * Hands {@code value} to the reader as a number, with a one-byte placeholder in the row; false
   * when it is negative and must be written (the reader judges its digits).
   */
  private boolean putNumber(int column, long value) {
    if (value < 0 || !room(1)) {
      return false;
    }
    row[length++] = '0';
    numbers[column] = value;
    elided += DecimalDigits.count(value) - 1;
    return true;
  }

  private void putLong(long value) {
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        putBytes(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
        return;
      }
      put((byte) '-');
      value = -value;
    }
    int digits = DecimalDigits.count(value);
    if (!room(digits)) {
      return;
    }
    DecimalDigits.write(value, row, length + digits);
    length += digits;
  }

  private void putDouble(double value) {
    if (Double.isNaN(value)) {
      put((byte) '-');
    } else if (value == Math.rint(value) && Math.abs(value) < 1e18) {
      putLong((long) value);
    } else {
      putBytes(Double.toString(value).getBytes(StandardCharsets.US_ASCII));
    }
  }

  /**
   * Writes an integer of column {@code c}: a number for the reader when it is a numeric field, else
   * in decimal; unsigned INT32 widened, timestamps in seconds.
   */
  private void putInteger(int c, long value) {
    long unsignedMask = unsignedMasks[c];
    if (unsignedMask == 0 && value < 0) {
      putBytes(Long.toUnsignedString(value).getBytes(StandardCharsets.US_ASCII));
      return;
    }
    long widened = unsignedMask == 0xffffffffL ? value & unsignedMask : value;
    long stored = divisors[c] == 1 ? widened : Math.floorDiv(widened, divisors[c]);
    if (!numberColumns[c] || !putNumber(c, stored)) {
      putLong(stored);
    }
  }

  private static boolean isUnsigned(LogicalTypeAnnotation logical) {
    return logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer
        && !integer.isSigned();
  }

  /** How many units of a timestamp column make a second; 1 for a plain integer. */
  private static long secondsDivisor(LogicalTypeAnnotation logical) {
    if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp) {
      return switch (timestamp.getUnit()) {
        case MILLIS -> 1_000L;
        case MICROS -> 1_000_000L;
        case NANOS -> 1_000_000_000L;
      };
    }
    return 1;
  }
}
