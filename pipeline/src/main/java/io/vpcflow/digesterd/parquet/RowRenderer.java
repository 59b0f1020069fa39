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
 * Renders each row of a flat Parquet schema ({@link FlowLogColumns#projection}), delivered column
 * by column to {@link #sink}s between {@link #startRow} and {@link #endRow}, as a text row of
 * single-space separated values, noting where each field begins and ends, and hands it to a {@link
 * FlowLogReader} begun with the columns' format, so a Parquet record meets exactly the rules of a
 * text line. The integers of {@link DigestField#isNumber} columns go to the reader as numbers
 * rather than digits, with the bytes their digits would take.
 *
 * <p>Values as text: a null, an empty string, a NaN and {@code -} are {@code -} (no value);
 * integers in decimal (unsigned when annotated so; timestamps in epoch seconds); a float or double
 * holding a whole number as that integer, any other as Java prints it (so it is non-numeric where a
 * number is needed); a boolean as {@code true}/{@code false}. A text value holding white space or a
 * control character, or an INT96 value, makes the row {@link LineOutcome#INVALID_VALUE}; a row
 * longer than the reader's line cap is {@link LineOutcome#LINE_TOO_LONG}.
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
  private final ValueSink[] converters;

  private final int[] starts;
  private final int[] ends;
  private final long[] numbers;
  private byte[] row = new byte[512];
  private int length;
  private int elided;
  private int nextColumn;
  private boolean invalid;
  private boolean tooLong;
  private boolean highBytes;

  RowRenderer(
      FlowLogColumns columns, FlowLogReader reader, int maxRowBytes, RecordHandler handler) {
    this.reader = reader;
    this.handler = handler;
    this.maxRowBytes = maxRowBytes;
    int count = columns.projection().getFieldCount();
    starts = new int[count];
    ends = new int[count];
    numbers = new long[count];
    boolean[] numberColumns = new boolean[count];
    for (DigestField field : DigestField.values()) {
      int position = columns.format().position(field);
      if (field.isNumber() && position >= 0) {
        numberColumns[position] = true;
      }
    }
    converters = new ValueSink[count];
    for (int i = 0; i < count; i++) {
      converters[i] = converterFor(i, columns.column(i), numberColumns[i]);
    }
  }

  /** Where column {@code i}'s values go. */
  ValueSink sink(int i) {
    return converters[i];
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

  /** Begins a row: each column's value, if it has one, is delivered next, in column order. */
  void startRow() {
    length = 0;
    elided = 0;
    Arrays.fill(numbers, FlowLogReader.AS_TEXT);
    nextColumn = 0;
    invalid = false;
    tooLong = false;
    highBytes = false;
  }

  /** Ends the row and hands it to the reader. */
  void endRow() {
    beginColumn(converters.length);
    try {
      if (invalid) {
        reader.countRows(LineOutcome.INVALID_VALUE, 1);
      } else if (tooLong) {
        reader.countRows(LineOutcome.LINE_TOO_LONG, 1);
      } else {
        reader.acceptRow(row, starts, ends, numbers, elided, converters.length, highBytes, handler);
      }
    } catch (RuntimeException e) {
      throw new HandlerFailure(e);
    }
  }

  /**
   * Writes {@code -} for the null columns before {@code column}, then {@code column}'s separator;
   * the value written next is {@code column}'s. Each column's field ends where the next begins.
   */
  private void beginColumn(int column) {
    if (column < nextColumn) {
      throw new IllegalStateException("column " + column + " delivered after column " + nextColumn);
    }
    while (nextColumn < column) {
      openField(nextColumn++);
      put((byte) '-');
    }
    if (column < converters.length) {
      openField(column);
      nextColumn = column + 1;
    } else if (column > 0) {
      ends[column - 1] = length;
    }
  }

  private void openField(int column) {
    if (column > 0) {
      ends[column - 1] = length;
      put((byte) ' ');
    }
    starts[column] = length;
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
    putText(value, from, to, flags(value, from, to));
  }

  /** Writes a text value checked beforehand: {@code flags} as {@link #flags(byte)} of its bytes. */
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

  private static final byte NOT_PRINTABLE = 1;
  private static final byte HIGH = 2;

  /**
   * Whether a byte may not be part of a value (white space, control) and whether it is non-ASCII.
   */
  private static byte flags(byte[] bytes, int from, int to) {
    byte flags = 0;
    for (int i = from; i < to; i++) {
      flags |= flags(bytes[i]);
    }
    return flags;
  }

  private static byte flags(byte b) {
    if (b < 0) {
      return HIGH;
    }
    return b > ' ' && b != 0x7f ? 0 : NOT_PRINTABLE;
  }

  private void note(byte flags) {
    invalid |= (flags & NOT_PRINTABLE) != 0;
    highBytes |= (flags & HIGH) != 0;
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

  private ValueSink converterFor(int column, PrimitiveType type, boolean number) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    return switch (type.getPrimitiveTypeName()) {
      case BINARY, FIXED_LEN_BYTE_ARRAY -> new TextColumn(column);
      case INT32 -> new IntegerColumn(column, isUnsigned(logical) ? 0xffffffffL : -1L, 1, number);
      case INT64 ->
          new IntegerColumn(
              column, isUnsigned(logical) ? 0L : -1L, secondsDivisor(logical), number);
      case FLOAT, DOUBLE -> new DoubleColumn(column);
      case BOOLEAN -> new BooleanColumn(column);
      case INT96 -> new InvalidColumn(column);
    };
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

  /** A column's sink; a value of a kind its physical type cannot deliver is a reader's bug. */
  private abstract class Column implements ValueSink {
    final int column;

    Column(int column) {
      this.column = column;
    }

    private IllegalStateException unexpected(String what) {
      return new IllegalStateException(
          "column " + column + " (" + getClass().getSimpleName() + ") was given " + what);
    }

    @Override
    public void setDictionary(ColumnDictionary dictionary) {
      throw unexpected("a dictionary");
    }

    @Override
    public void addDictionaryId(int id) {
      throw unexpected("a dictionary id");
    }

    @Override
    public void addLong(long value) {
      throw unexpected("an integer");
    }

    @Override
    public void addDouble(double value) {
      throw unexpected("a floating-point number");
    }

    @Override
    public void addBoolean(boolean value) {
      throw unexpected("a boolean");
    }

    @Override
    public void addBytes(byte[] bytes, int from, int to) {
      throw unexpected("text");
    }

    @Override
    public void addUnsupported() {
      throw unexpected("an unsupported value");
    }
  }

  private final class TextColumn extends Column {
    private ColumnDictionary dictionary;
    private byte[] dictionaryFlags;

    TextColumn(int column) {
      super(column);
    }

    @Override
    public void addBytes(byte[] bytes, int from, int to) {
      beginColumn(column);
      putText(bytes, from, to);
    }

    /** Notes each entry's {@link #flags(byte)} in one pass over the page. */
    @Override
    public void setDictionary(ColumnDictionary values) {
      dictionary = values;
      dictionaryFlags = new byte[values.size()];
      for (int id = 0; id < dictionaryFlags.length; id++) {
        dictionaryFlags[id] = flags(values.bytes(), values.start(id), values.end(id));
      }
    }

    @Override
    public void addDictionaryId(int id) {
      beginColumn(column);
      putText(dictionary.bytes(), dictionary.start(id), dictionary.end(id), dictionaryFlags[id]);
    }
  }

  /** An integer column: a number for the reader when it is a numeric field, else in decimal. */
  private final class IntegerColumn extends Column {
    /** {@code -1}: signed; {@code 0xffffffff}: unsigned INT32; {@code 0}: unsigned INT64. */
    private final long unsignedMask;

    private final long divisor;
    private final boolean number;
    private ColumnDictionary dictionary;

    IntegerColumn(int column, long unsignedMask, long divisor, boolean number) {
      super(column);
      this.unsignedMask = unsignedMask;
      this.divisor = divisor;
      this.number = number;
    }

    @Override
    public void addLong(long value) {
      beginColumn(column);
      if (unsignedMask == 0 && value < 0) {
        putBytes(Long.toUnsignedString(value).getBytes(StandardCharsets.US_ASCII));
        return;
      }
      long stored = stored(value);
      if (!number || !putNumber(column, stored)) {
        putLong(stored);
      }
    }

    /** The value to print: unsigned INT32 widened, timestamps in seconds. */
    private long stored(long value) {
      long widened = unsignedMask == 0xffffffffL ? value & unsignedMask : value;
      return divisor == 1 ? widened : Math.floorDiv(widened, divisor);
    }

    @Override
    public void setDictionary(ColumnDictionary values) {
      dictionary = values;
    }

    @Override
    public void addDictionaryId(int id) {
      addLong(dictionary.longValue(id));
    }
  }

  private final class DoubleColumn extends Column {
    private ColumnDictionary dictionary;

    DoubleColumn(int column) {
      super(column);
    }

    @Override
    public void addDouble(double value) {
      beginColumn(column);
      putDouble(value);
    }

    @Override
    public void setDictionary(ColumnDictionary values) {
      dictionary = values;
    }

    @Override
    public void addDictionaryId(int id) {
      addDouble(dictionary.doubleValue(id));
    }
  }

  private final class BooleanColumn extends Column {
    BooleanColumn(int column) {
      super(column);
    }

    @Override
    public void addBoolean(boolean value) {
      beginColumn(column);
      putBytes(value ? TRUE : FALSE);
    }
  }

  /** An INT96 column: any value makes the row invalid. */
  private final class InvalidColumn extends Column {
    InvalidColumn(int column) {
      super(column);
    }

    @Override
    public void setDictionary(ColumnDictionary values) {}

    @Override
    public void addDictionaryId(int id) {
      addUnsupported();
    }

    @Override
    public void addUnsupported() {
      beginColumn(column);
      put((byte) '?');
      invalid = true;
    }
  }
}
