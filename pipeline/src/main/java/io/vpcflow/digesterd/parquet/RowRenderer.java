package io.vpcflow.digesterd.parquet;

import io.vpcflow.digesterd.flowlog.FlowLogReader;
import io.vpcflow.digesterd.flowlog.LineOutcome;
import io.vpcflow.digesterd.flowlog.RecordHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Renders each row of a flat Parquet schema ({@link FlowLogColumns#projection}) as a text row of
 * single-space separated values and hands it to a {@link FlowLogReader} begun with the columns'
 * format, so a Parquet record meets exactly the rules of a text line.
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
final class RowRenderer extends RecordMaterializer<Void> {
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

  private final FlowLogReader reader;
  private final RecordHandler handler;
  private final int maxRowBytes;
  private final Converter[] converters;
  private final GroupConverter root = new Root();

  private byte[] row = new byte[512];
  private int length;
  private int nextColumn;
  private boolean invalid;
  private boolean tooLong;

  RowRenderer(FlowLogColumns columns, FlowLogReader reader, int maxRowBytes, RecordHandler handler) {
    this.reader = reader;
    this.handler = handler;
    this.maxRowBytes = maxRowBytes;
    int count = columns.projection().getFieldCount();
    converters = new Converter[count];
    for (int i = 0; i < count; i++) {
      converters[i] = converterFor(i, columns.column(i));
    }
  }

  @Override
  public Void getCurrentRecord() {
    return null;
  }

  @Override
  public GroupConverter getRootConverter() {
    return root;
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

  private final class Root extends GroupConverter {
    @Override
    public Converter getConverter(int fieldIndex) {
      return converters[fieldIndex];
    }

    @Override
    public void start() {
      length = 0;
      nextColumn = 0;
      invalid = false;
      tooLong = false;
    }

    @Override
    public void end() {
      beginColumn(converters.length);
      try {
        if (invalid) {
          reader.countRow(LineOutcome.INVALID_VALUE);
        } else if (tooLong) {
          reader.countRow(LineOutcome.LINE_TOO_LONG);
        } else {
          reader.acceptRow(row, 0, length, handler);
        }
      } catch (RuntimeException e) {
        throw new HandlerFailure(e);
      }
    }
  }

  /** Writes {@code -} for the null columns before {@code column}, then its separator. */
  private void beginColumn(int column) {
    if (column < nextColumn) {
      throw new IllegalStateException("column " + column + " delivered after column " + nextColumn);
    }
    while (nextColumn < column) {
      separator(nextColumn++);
      put((byte) '-');
    }
    if (column < converters.length) {
      separator(column);
      nextColumn = column + 1;
    }
  }

  private void separator(int column) {
    if (column > 0) {
      put((byte) ' ');
    }
  }

  private boolean room(int bytes) {
    if (tooLong || length + bytes > maxRowBytes + 1) {
      tooLong = true;
      return false;
    }
    if (length + bytes > row.length) {
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

  private void putText(ByteBuffer value) {
    int n = value.remaining();
    if (n == 0) {
      put((byte) '-');
      return;
    }
    if (!room(n)) {
      return;
    }
    value.get(row, length, n);
    for (int i = length; i < length + n; i++) {
      invalid |= !printable(row[i]);
    }
    length += n;
  }

  /** Whether a byte may be part of a value: not white space, not an ASCII control character. */
  private static boolean printable(byte b) {
    return b < 0 || (b > ' ' && b != 0x7f);
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
    int digits = 1;
    for (long v = value / 10; v > 0; v /= 10) {
      digits++;
    }
    if (!room(digits)) {
      return;
    }
    for (int i = length + digits - 1; i >= length; i--) {
      row[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
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

  private Converter converterFor(int column, PrimitiveType type) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    return switch (type.getPrimitiveTypeName()) {
      case BINARY, FIXED_LEN_BYTE_ARRAY -> new TextConverter(column);
      case INT32 -> new IntConverter(column, isUnsigned(logical));
      case INT64 -> new LongConverter(column, isUnsigned(logical), secondsDivisor(logical));
      case FLOAT, DOUBLE -> new DoubleConverter(column);
      case BOOLEAN -> new BooleanConverter(column);
      case INT96 -> new InvalidConverter(column);
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

  private final class TextConverter extends PrimitiveConverter {
    private final int column;
    private byte[][] dictionary;

    TextConverter(int column) {
      this.column = column;
    }

    @Override
    public void addBinary(Binary value) {
      beginColumn(column);
      putText(value.toByteBuffer());
    }

    @Override
    public boolean hasDictionarySupport() {
      return true;
    }

    @Override
    public void setDictionary(Dictionary values) {
      dictionary = new byte[values.getMaxId() + 1][];
      for (int id = 0; id <= values.getMaxId(); id++) {
        dictionary[id] = values.decodeToBinary(id).getBytes();
      }
    }

    @Override
    public void addValueFromDictionary(int id) {
      beginColumn(column);
      putText(ByteBuffer.wrap(dictionary[id]));
    }
  }

  private final class IntConverter extends PrimitiveConverter {
    private final int column;
    private final boolean unsigned;

    IntConverter(int column, boolean unsigned) {
      this.column = column;
      this.unsigned = unsigned;
    }

    @Override
    public void addInt(int value) {
      beginColumn(column);
      putLong(unsigned ? Integer.toUnsignedLong(value) : value);
    }
  }

  private final class LongConverter extends PrimitiveConverter {
    private final int column;
    private final boolean unsigned;
    private final long divisor;

    LongConverter(int column, boolean unsigned, long divisor) {
      this.column = column;
      this.unsigned = unsigned;
      this.divisor = divisor;
    }

    @Override
    public void addLong(long value) {
      beginColumn(column);
      if (unsigned && value < 0) {
        putBytes(Long.toUnsignedString(value).getBytes(StandardCharsets.US_ASCII));
      } else {
        putLong(divisor == 1 ? value : Math.floorDiv(value, divisor));
      }
    }
  }

  private final class DoubleConverter extends PrimitiveConverter {
    private final int column;

    DoubleConverter(int column) {
      this.column = column;
    }

    @Override
    public void addDouble(double value) {
      beginColumn(column);
      putDouble(value);
    }

    @Override
    public void addFloat(float value) {
      beginColumn(column);
      putDouble(value);
    }
  }

  private final class BooleanConverter extends PrimitiveConverter {
    private final int column;

    BooleanConverter(int column) {
      this.column = column;
    }

    @Override
    public void addBoolean(boolean value) {
      beginColumn(column);
      putBytes(value ? TRUE : FALSE);
    }
  }

  private final class InvalidConverter extends PrimitiveConverter {
    private final int column;

    InvalidConverter(int column) {
      this.column = column;
    }

    @Override
    public void addBinary(Binary value) {
      beginColumn(column);
      put((byte) '?');
      invalid = true;
    }
  }
}
