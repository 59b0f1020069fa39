package io.vpcflow.digesterd.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads one flat column chunk (top level, not repeated) of a row group, one row at a time, into a
 * {@link ValueSink}. Definition levels, dictionary ids and PLAIN INT32, INT64 and BINARY values are
 * decoded here, straight from the decompressed pages; other value encodings (DELTA_*,
 * BYTE_STREAM_SPLIT, PLAIN of other types) through parquet-java's readers. Pages of version 1 and 2
 * are read. Contradictory contents (a value past the page's end, a dictionary id outside the
 * dictionary, a level above the column's maximum) are a {@link CorruptPageException}.
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
  private final PageReader pages;
  private final ValueSink sink;
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

  /**
   * A reader of {@code column}'s {@code pages}; reads the chunk's dictionary page, if any, and
   * hands it to {@code sink}.
   */
  FlatColumnReader(ColumnDescriptor column, PageReader pages, ValueSink sink) throws IOException {
    if (column.getMaxRepetitionLevel() != 0) {
      throw new IllegalArgumentException(
          "a repeated column: " + String.join(".", column.getPath()));
    }
    this.column = column;
    this.pages = pages;
    this.sink = sink;
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
      sink.setDictionary(dictionary);
    }
  }

  /** Delivers the next row's value to the sink, or nothing when the row has none (null). */
  void next() throws IOException {
    while (valuesLeft == 0) {
      readPage();
    }
    valuesLeft--;
    if (maxDefinition > 0) {
      int level = levels != null ? levels.next() : otherLevels.readInteger();
      if (level != maxDefinition) {
        if (level < 0 || level > maxDefinition) {
          throw new CorruptPageException(
              "a definition level of " + level + " (at most " + maxDefinition + ")");
        }
        return;
      }
    }
    switch (mode) {
      case DICTIONARY -> {
        int id = ids.next();
        if (id < 0 || id >= dictionary.size()) {
          throw new CorruptPageException(
              "dictionary id "
                  + Integer.toUnsignedString(id)
                  + " in a dictionary of "
                  + dictionary.size());
        }
        sink.addDictionaryId(id);
      }
      case PLAIN_INT32 -> {
        need(4);
        sink.addLong(PlainValues.int32(data, pos));
        pos += 4;
      }
      case PLAIN_INT64 -> {
        need(8);
        sink.addLong(PlainValues.int64(data, pos));
        pos += 8;
      }
      case PLAIN_BINARY -> {
        int length = PlainValues.binaryLength(data, pos, end);
        sink.addBytes(data, pos + 4, pos + 4 + length);
        pos += 4 + length;
      }
      case OTHER -> readOther();
    }
  }

  private void need(int bytes) throws CorruptPageException {
    if (end - pos < bytes) {
      throw new CorruptPageException("a page holds fewer values than its header says");
    }
  }

  private void readOther() {
    switch (type) {
      case INT32 -> sink.addLong(otherValues.readInteger());
      case INT64 -> sink.addLong(otherValues.readLong());
      case FLOAT -> sink.addDouble(otherValues.readFloat());
      case DOUBLE -> sink.addDouble(otherValues.readDouble());
      case BOOLEAN -> sink.addBoolean(otherValues.readBoolean());
      case BINARY, FIXED_LEN_BYTE_ARRAY -> {
        Binary value = otherValues.readBytes();
        byte[] bytes = value.getBytesUnsafe();
        sink.addBytes(bytes, 0, bytes.length);
      }
      case INT96 -> {
        otherValues.skip();
        sink.addUnsupported();
      }
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
