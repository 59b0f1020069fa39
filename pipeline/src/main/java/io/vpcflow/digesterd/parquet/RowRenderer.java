package io.vpcflow.digesterd.parquet;

import io.vpcflow.digesterd.flowlog.FlowLogReader;
import io.vpcflow.digesterd.flowlog.LineOutcome;
import io.vpcflow.digesterd.flowlog.RecordHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * single-space separated values, noting where each field begins and ends, and hands it to a
 * {@link FlowLogReader} begun with the columns' format, so a Parquet record meets exactly the rules
 * of a text line.
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

  private final int[] starts;
  private final int[] ends;
  private byte[] row = new byte[512];
  private int length;
  private int nextColumn;
  private boolean invalid;
  private boolean tooLong;
  private boolean highBytes;

  RowRenderer(FlowLogColumns columns, FlowLogReader reader, int maxRowBytes, RecordHandler handler) {
    this.reader = reader;
    this.handler = handler;
    this.maxRowBytes = maxRowBytes;
    int count = columns.projection().getFieldCount();
    starts = new int[count];
    ends = new int[count];
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
      highBytes = false;
    }

    @Override
    public void end() {
      beginColumn(converters.length);
      try {
        if (invalid) {
          reader.countRows(LineOutcome.INVALID_VALUE, 1);
        } else if (tooLong) {
          reader.countRows(LineOutcome.LINE_TOO_LONG, 1);
        } else {
          reader.acceptRow(row, starts, ends, converters.length, highBytes, handler);
        }
      } catch (RuntimeException e) {
        throw new HandlerFailure(e);
      }
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
      if (tooLong || length + bytes > maxRowBytes + 1) {
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
    byte flags = 0;
    for (int i = length; i < length + n; i++) {
      flags |= flags(row[i]);
    }
    length += n;
    note(flags);
  }

  /** Writes a text value checked beforehand: {@code flags} as {@link #flags(byte)} of its bytes. */
  private void putText(byte[] value, byte flags) {
    if (value.length == 0) {
      put((byte) '-');
      return;
    }
    putBytes(value);
    note(flags);
  }

  private static final byte NOT_PRINTABLE = 1;
  private static final byte HIGH = 2;

  /** Whether a byte may not be part of a value (white space, control) and whether it is non-ASCII. */
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

  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
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
    while (digits < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[digits]) {
      digits++;
    }
    if (!room(digits)) {
      return;
    }
    for (int i = length + digits - 1; i >= length; i--) {
      long tenth = value / 10;
      row[i] = (byte) ('0' + (value - tenth * 10));
      value = tenth;
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
    private byte[] dictionaryFlags;

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
      dictionaryFlags = new byte[dictionary.length];
      for (int id = 0; id < dictionary.length; id++) {
        byte[] value = values.decodeToBinary(id).getBytes();
        byte flags = 0;
        for (byte b : value) {
          flags |= flags(b);
        }
        dictionary[id] = value;
        dictionaryFlags[id] = flags;
      }
    }

    @Override
    public void addValueFromDictionary(int id) {
      beginColumn(column);
      putText(dictionary[id], dictionaryFlags[id]);
    }
  }

  /**
   * An integer column: each value rendered as it comes, or, for dictionary-encoded pages, each
   * dictionary entry rendered once and copied per row.
   */
  private abstract class IntegerConverter extends PrimitiveConverter {
    private final int column;
    private byte[][] dictionary;

    IntegerConverter(int column) {
      this.column = column;
    }

    /** Writes one value of the column, as it is stored. */
    abstract void render(Dictionary values, int id);

    @Override
    public boolean hasDictionarySupport() {
      return true;
    }

    /** Renders every entry once, into a scratch row (an integer takes at most 20 bytes). */
    @Override
    public void setDictionary(Dictionary values) {
      dictionary = new byte[values.getMaxId() + 1][];
      byte[] savedRow = row;
      int savedLength = length;
      row = new byte[32];
      for (int id = 0; id < dictionary.length; id++) {
        length = 0;
        render(values, id);
        dictionary[id] = Arrays.copyOf(row, length);
      }
      row = savedRow;
      length = savedLength;
    }

    @Override
    public void addValueFromDictionary(int id) {
      beginColumn(column);
      putBytes(dictionary[id]);
    }

    void begin() {
      beginColumn(column);
    }
  }

  private final class IntConverter extends IntegerConverter {
    private final boolean unsigned;

    IntConverter(int column, boolean unsigned) {
      super(column);
      this.unsigned = unsigned;
    }

    @Override
    public void addInt(int value) {
      begin();
      putInt(value);
    }

    @Override
    void render(Dictionary values, int id) {
      putInt(values.decodeToInt(id));
    }

    private void putInt(int value) {
      putLong(unsigned ? Integer.toUnsignedLong(value) : value);
    }
  }

  private final class LongConverter extends IntegerConverter {
    private final boolean unsigned;
    private final long divisor;

    LongConverter(int column, boolean unsigned, long divisor) {
      super(column);
      this.unsigned = unsigned;
      this.divisor = divisor;
    }

    @Override
    public void addLong(long value) {
      begin();
      putValue(value);
    }

    @Override
    void render(Dictionary values, int id) {
      putValue(values.decodeToLong(id));
    }

    private void putValue(long value) {
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
