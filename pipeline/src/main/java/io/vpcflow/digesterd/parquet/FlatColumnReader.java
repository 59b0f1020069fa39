package io.vpcflow.digesterd.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads one flat column chunk (top level, not repeated) of a row group into {@link ColumnBatch}es,
 * a run of rows of one page at a time. Definition levels, dictionary ids and PLAIN INT32, INT64 and
 * BINARY values are decoded here, straight from the decompressed pages; other value encodings
 * (DELTA_*, BYTE_STREAM_SPLIT, PLAIN of other types) through parquet-java's readers. Pages of
 * version 1 and 2 are read. Contradictory contents (a value past the page's end, a dictionary id
 * outside the dictionary, a level above the column's maximum) are a {@link CorruptPageException}.
 */
final class FlatColumnReader {
  private enum Mode {
    DICTIONARY,
    PLAIN_INT32,
    PLAIN_INT64,
    PLAIN_BINARY,
    OTHER
  }

  private final ColumnDescriptor column;
  private final ChunkPages pages;
  private final PrimitiveTypeName type;
  private final int maxDefinition;
  private final ColumnDictionary dictionary;

  private int valuesLeft;
  private HybridDecoder levels;
  private ValuesReader otherLevels;
  private Mode mode;
  private byte[] data;
  private int pos;
  private int end;
  private HybridDecoder ids;
  private ValuesReader otherValues;

  /** A reader of {@code column}'s {@code pages}; reads the chunk's dictionary page, if any. */
  FlatColumnReader(ColumnDescriptor column, ChunkPages pages) throws IOException {
    if (column.getMaxRepetitionLevel() != 0) {
      throw new IllegalArgumentException(
          "a repeated column: " + String.join(".", column.getPath()));
    }
    this.column = column;
    this.pages = pages;
    this.type = column.getPrimitiveType().getPrimitiveTypeName();
    this.maxDefinition = column.getMaxDefinitionLevel();
    DictionaryPage page = pages.readDictionaryPage();
    if (page == null) {
      dictionary = null;
    } else {
      if (page.getEncoding() != Encoding.PLAIN && page.getEncoding() != Encoding.PLAIN_DICTIONARY) {
        throw new CorruptPageException("a dictionary page encoded as " + page.getEncoding());
      }
      dictionary =
          ColumnDictionary.decode(
              type,
              column.getPrimitiveType().getTypeLength(),
              page.getDictionarySize(),
              PageBytes.of(page.getBytes()));
    }
  }

  /**
   * How many rows are left in the current page, reading the next page when none are: at least 1.
   *
   * @throws CorruptPageException when the chunk has no more pages
   */
  int rowsInPage() throws IOException {
    while (valuesLeft == 0) {
      readPage();
    }
    return valuesLeft;
  }

  /**
   * Decodes the next {@code rows} rows into {@code batch}: at least 1, at most {@link #rowsInPage}
   * and the batch's capacity.
   */
  void read(int rows, ColumnBatch batch) throws IOException {
    if (rows <= 0 || rows > rowsInPage() || rows > batch.capacity()) {
      throw new IllegalArgumentException(
          rows + " rows of a page holding " + valuesLeft + " into a batch of " + batch.capacity());
    }
    valuesLeft -= rows;
    int values = readLevels(rows, batch);
    switch (mode) {
      case DICTIONARY -> readDictionaryIds(rows, values, batch);
      case PLAIN_INT32 -> {
        batch.begin(rows, ColumnBatch.Kind.LONG);
        need(4L * values);
        for (int r = 0; r < rows; r++) {
          if (batch.present[r]) {
            batch.longs[r] = PlainValues.int32(data, pos);
            pos += 4;
          }
        }
      }
      case PLAIN_INT64 -> {
        batch.begin(rows, ColumnBatch.Kind.LONG);
        need(8L * values);
        for (int r = 0; r < rows; r++) {
          if (batch.present[r]) {
            batch.longs[r] = PlainValues.int64(data, pos);
            pos += 8;
          }
        }
      }
      case PLAIN_BINARY -> {
        batch.begin(rows, ColumnBatch.Kind.TEXT);
        batch.useBytes(data);
        for (int r = 0; r < rows; r++) {
          if (batch.present[r]) {
            int length = PlainValues.binaryLength(data, pos, end);
            batch.starts[r] = pos + 4;
            batch.ends[r] = pos + 4 + length;
            pos += 4 + length;
          }
        }
      }
      case OTHER -> readOther(rows, batch);
    }
  }

  /**
   * Reads {@code rows} definition levels, noting in the batch's {@code present} which rows hold a
   * value; how many do.
   */
  private int readLevels(int rows, ColumnBatch batch) throws IOException {
    boolean[] present = batch.present;
    if (maxDefinition == 0) {
      Arrays.fill(present, 0, rows, true);
      return rows;
    }
    int[] read = batch.scratch;
    if (levels != null) {
      levels.read(read, rows);
    } else {
      for (int r = 0; r < rows; r++) {
        read[r] = otherLevels.readInteger();
      }
    }
    int values = 0;
    for (int r = 0; r < rows; r++) {
      int level = read[r];
      if (level < 0 || level > maxDefinition) {
        throw new CorruptPageException(
            "a definition level of " + level + " (at most " + maxDefinition + ")");
      }
      boolean value = level == maxDefinition;
      present[r] = value;
      values += value ? 1 : 0;
    }
    return values;
  }

  /** Reads {@code values} dictionary ids for the present ones of {@code rows} rows. */
  private void readDictionaryIds(int rows, int values, ColumnBatch batch) throws IOException {
    int[] read = batch.scratch;
    ids.read(read, values);
    int size = dictionary.size();
    for (int i = 0; i < values; i++) {
      if (read[i] < 0 || read[i] >= size) {
        throw new CorruptPageException(
            "dictionary id " + Integer.toUnsignedString(read[i]) + " in a dictionary of " + size);
      }
    }
    switch (dictionary.type()) {
      case INT32, INT64 -> {
        batch.begin(rows, ColumnBatch.Kind.LONG);
        for (int r = 0, i = 0; r < rows; r++) {
          if (batch.present[r]) {
            batch.longs[r] = dictionary.longValue(read[i++]);
          }
        }
      }
      case FLOAT, DOUBLE -> {
        batch.begin(rows, ColumnBatch.Kind.DOUBLE);
        for (int r = 0, i = 0; r < rows; r++) {
          if (batch.present[r]) {
            batch.doubles[r] = dictionary.doubleValue(read[i++]);
          }
        }
      }
      case BINARY, FIXED_LEN_BYTE_ARRAY -> {
        batch.begin(rows, ColumnBatch.Kind.DICTIONARY_TEXT);
        batch.useDictionary(dictionary);
        for (int r = 0, i = 0; r < rows; r++) {
          if (batch.present[r]) {
            batch.ids[r] = read[i++];
          }
        }
      }
      case INT96, BOOLEAN -> batch.begin(rows, ColumnBatch.Kind.UNSUPPORTED);
    }
  }

  private void need(long bytes) throws CorruptPageException {
    if (end - pos < bytes) {
      throw new CorruptPageException("a page holds fewer values than its header says");
    }
  }

  private void readOther(int rows, ColumnBatch batch) {
    ColumnBatch.Kind kind =
        switch (type) {
          case INT32, INT64 -> ColumnBatch.Kind.LONG;
          case FLOAT, DOUBLE -> ColumnBatch.Kind.DOUBLE;
          case BOOLEAN -> ColumnBatch.Kind.BOOLEAN;
          case BINARY, FIXED_LEN_BYTE_ARRAY -> ColumnBatch.Kind.TEXT;
          case INT96 -> ColumnBatch.Kind.UNSUPPORTED;
        };
    batch.begin(rows, kind);
    int length = 0;
    for (int r = 0; r < rows; r++) {
      if (!batch.present[r]) {
        continue;
      }
      switch (type) {
        case INT32 -> batch.longs[r] = otherValues.readInteger();
        case INT64 -> batch.longs[r] = otherValues.readLong();
        case FLOAT -> batch.doubles[r] = otherValues.readFloat();
        case DOUBLE -> batch.doubles[r] = otherValues.readDouble();
        case BOOLEAN -> batch.longs[r] = otherValues.readBoolean() ? 1 : 0;
        case BINARY, FIXED_LEN_BYTE_ARRAY -> {
          Binary value = otherValues.readBytes();
          int n = value.length();
          byte[] own = batch.ownBytes(length, length + n);
          System.arraycopy(value.getBytesUnsafe(), 0, own, length, n);
          batch.starts[r] = length;
          length += n;
          batch.ends[r] = length;
        }
        case INT96 -> otherValues.skip();
      }
    }
    if (kind == ColumnBatch.Kind.TEXT) {
      batch.ownBytes(length, length);
    }
  }

  private void readPage() throws IOException {
    DataPage page = pages.readPage();
    if (page == null) {
      throw new CorruptPageException(
          "column "
              + String.join(".", column.getPath())
              + " holds fewer values than the row group has rows");
    }
    levels = null;
    otherLevels = null;
    int count = page.getValueCount();
    if (count < 0) {
      throw new CorruptPageException("a page of " + count + " values");
    }
    Encoding encoding;
    if (page instanceof DataPageV1 v1) {
      use(PageBytes.of(v1.getBytes()));
      encoding = v1.getValueEncoding();
      if (maxDefinition > 0) {
        readLevelsV1(v1.getDlEncoding(), count);
      }
    } else if (page instanceof DataPageV2 v2) {
      if (maxDefinition > 0) {
        PageBytes levelBytes = PageBytes.of(v2.getDefinitionLevels());
        levels =
            new HybridDecoder(
                levelBytes.array(), levelBytes.from(), levelBytes.to(), bitWidth(maxDefinition));
      }
      use(PageBytes.of(v2.getData()));
      encoding = v2.getDataEncoding();
    } else {
      throw new CorruptPageException(
          "a data page of an unknown kind: " + page.getClass().getSimpleName());
    }
    startValues(encoding, count);
    valuesLeft = count;
  }

  private void use(PageBytes bytes) {
    data = bytes.array();
    pos = bytes.from();
    end = bytes.to();
  }

  private void readLevelsV1(Encoding encoding, int count) throws IOException {
    if (encoding == Encoding.RLE) {
      need(4);
      int length = PlainValues.int32(data, pos);
      if (length < 0 || length > end - pos - 4) {
        throw new CorruptPageException(
            "definition levels claim " + Integer.toUnsignedString(length) + " bytes");
      }
      levels = new HybridDecoder(data, pos + 4, pos + 4 + length, bitWidth(maxDefinition));
      pos += 4 + length;
    } else {
      ByteBufferInputStream in = ByteBufferInputStream.wrap(ByteBuffer.wrap(data, pos, end - pos));
      otherLevels = encoding.getValuesReader(column, ValuesType.DEFINITION_LEVEL);
      otherLevels.initFromPage(count, in);
      pos = end - in.available();
    }
  }

  private void startValues(Encoding encoding, int count) throws IOException {
    otherValues = null;
    ids = null;
    if (encoding.usesDictionary()) {
      if (dictionary == null) {
        throw new CorruptPageException(
            "a dictionary-encoded page in a column chunk without a dictionary");
      }
      need(1);
      ids = new HybridDecoder(data, pos + 1, end, data[pos] & 0xff);
      mode = Mode.DICTIONARY;
    } else if (encoding == Encoding.PLAIN && type == PrimitiveTypeName.INT32) {
      mode = Mode.PLAIN_INT32;
    } else if (encoding == Encoding.PLAIN && type == PrimitiveTypeName.INT64) {
      mode = Mode.PLAIN_INT64;
    } else if (encoding == Encoding.PLAIN && type == PrimitiveTypeName.BINARY) {
      mode = Mode.PLAIN_BINARY;
    } else {
      otherValues = encoding.getValuesReader(column, ValuesType.VALUES);
      otherValues.initFromPage(
          count, ByteBufferInputStream.wrap(ByteBuffer.wrap(data, pos, end - pos)));
      mode = Mode.OTHER;
    }
  }

  private static int bitWidth(int maxValue) {
    return 32 - Integer.numberOfLeadingZeros(maxValue);
  }
}
