package io.vpcflow.digesterd.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;

/**
 * Pages written by hand: what the reader delivers row by row, and the contradictions it refuses
 * (which a file's page checksums would not catch when a writer produced them).
 */
class FlatColumnReaderTest {
  private static final ColumnDescriptor PORT =
      new ColumnDescriptor(
          new String[] {"srcport"}, Types.optional(PrimitiveTypeName.INT32).named("srcport"), 0, 1);
  private static final ColumnDescriptor ADDRESS =
      new ColumnDescriptor(
          new String[] {"srcaddr"},
          Types.optional(PrimitiveTypeName.BINARY)
              .as(LogicalTypeAnnotation.stringType())
              .named("srcaddr"),
          0,
          1);

  /** Definition levels 1, 0, 1 (present, null, present) as a V1 page writes them. */
  private static final byte[] LEVELS_PRESENT_NULL_PRESENT = {2, 0, 0, 0, 3, 0b101};

  @Test
  void deliversDictionaryIdsPlainValuesAndNulls() throws Exception {
    Recorder sink = new Recorder();
    DictionaryPage dictionary =
        new DictionaryPage(BytesInput.from(bytes(80, 0, 0, 0, 0xbb, 1, 0, 0)), 2, Encoding.PLAIN);
    // Ids at width 1, bit-packed: 1, 0.
    DataPage ids =
        page(3, Encoding.PLAIN_DICTIONARY, concat(LEVELS_PRESENT_NULL_PRESENT, bytes(1, 3, 0b01)));
    DataPage plain =
        page(
            3,
            Encoding.PLAIN,
            concat(LEVELS_PRESENT_NULL_PRESENT, bytes(22, 0, 0, 0, 0xff, 0xff, 0xff, 0xff)));
    FlatColumnReader reader = new FlatColumnReader(PORT, new Pages(dictionary, ids, plain), sink);
    for (int i = 0; i < 6; i++) {
      reader.next();
      sink.events.add("|");
    }
    assertEquals(
        List.of("dictionary 2", "id 1", "|", "|", "id 0", "|", "long 22", "|", "|", "long -1", "|"),
        sink.events);
  }

  @Test
  void deliversPlainText() throws Exception {
    Recorder sink = new Recorder();
    byte[] values =
        concat(
            bytes(8, 0, 0, 0), "10.0.0.1".getBytes(StandardCharsets.US_ASCII), bytes(0, 0, 0, 0));
    FlatColumnReader reader =
        new FlatColumnReader(
            ADDRESS,
            new Pages(null, page(3, Encoding.PLAIN, concat(LEVELS_PRESENT_NULL_PRESENT, values))),
            sink);
    for (int i = 0; i < 3; i++) {
      reader.next();
    }
    assertEquals(List.of("text 10.0.0.1", "text "), sink.events);
  }

  @Test
  void refusesContradictoryPages() throws Exception {
    DictionaryPage twoPorts =
        new DictionaryPage(BytesInput.from(bytes(80, 0, 0, 0, 0xbb, 1, 0, 0)), 2, Encoding.PLAIN);
    // Ids at width 3, as RLE runs: 0, then 5 (the dictionary has 2 entries).
    assertRefused(
        PORT,
        twoPorts,
        page(
            3,
            Encoding.PLAIN_DICTIONARY,
            concat(LEVELS_PRESENT_NULL_PRESENT, bytes(3, 2, 0, 2, 5))),
        2,
        "dictionary id 5 in a dictionary of 2");
    assertRefused(
        PORT,
        null,
        page(3, Encoding.PLAIN_DICTIONARY, concat(LEVELS_PRESENT_NULL_PRESENT, bytes(1, 2, 0))),
        0,
        "without a dictionary");
    assertRefused(
        PORT, null, page(1, Encoding.PLAIN, bytes(2, 0, 0, 0, 2, 2)), 0, "wider than 1 bits");
    assertRefused(
        PORT,
        null,
        page(3, Encoding.PLAIN, concat(LEVELS_PRESENT_NULL_PRESENT, bytes(1, 0, 0, 0))),
        2,
        "fewer values than its header says");
    assertRefused(
        ADDRESS,
        null,
        page(1, Encoding.PLAIN, bytes(2, 0, 0, 0, 2, 1, 9, 0, 0, 0, 'a')),
        0,
        "claims 9 bytes");
    assertRefused(
        PORT,
        null,
        page(1, Encoding.PLAIN, bytes(2, 0, 0, 0, 2, 0)),
        1,
        "fewer values than the row group");
    assertRefused(
        PORT,
        new DictionaryPage(BytesInput.from(bytes(80, 0, 0, 0)), 2, Encoding.PLAIN),
        null,
        -1,
        "2 INT32 entries in 4 bytes");
  }

  private static void assertRefused(
      ColumnDescriptor column,
      DictionaryPage dictionary,
      DataPage page,
      int goodRows,
      String reason) {
    CorruptPageException e =
        assertThrows(
            CorruptPageException.class,
            () -> {
              FlatColumnReader reader =
                  new FlatColumnReader(column, new Pages(dictionary, page), new Recorder());
              for (int i = 0; i < goodRows; i++) {
                reader.next();
              }
              reader.next();
            });
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  private static DataPage page(int values, Encoding encoding, byte[] bytes) {
    return new DataPageV1(
        BytesInput.from(bytes),
        values,
        bytes.length,
        null,
        Encoding.BIT_PACKED,
        Encoding.RLE,
        encoding);
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  /** A column chunk's pages, in memory. */
  private static final class Pages implements PageReader {
    private final DictionaryPage dictionary;
    private final Deque<DataPage> pages = new ArrayDeque<>();

    Pages(DictionaryPage dictionary, DataPage... pages) {
      this.dictionary = dictionary;
      for (DataPage page : pages) {
        if (page != null) {
          this.pages.add(page);
        }
      }
    }

    @Override
    public DictionaryPage readDictionaryPage() {
      return dictionary;
    }

    @Override
    public long getTotalValueCount() {
      return pages.stream().mapToLong(DataPage::getValueCount).sum();
    }

    @Override
    public DataPage readPage() {
      return pages.poll();
    }
  }

  /** Notes what it is given, in order. */
  private static final class Recorder implements ValueSink {
    final List<String> events = new ArrayList<>();

    @Override
    public void setDictionary(ColumnDictionary dictionary) {
      events.add("dictionary " + dictionary.size());
    }

    @Override
    public void addDictionaryId(int id) {
      events.add("id " + id);
    }

    @Override
    public void addLong(long value) {
      events.add("long " + value);
    }

    @Override
    public void addDouble(double value) {
      events.add("double " + value);
    }

    @Override
    public void addBoolean(boolean value) {
      events.add("boolean " + value);
    }

    @Override
    public void addBytes(byte[] bytes, int from, int to) {
      events.add("text " + new String(bytes, from, to - from, StandardCharsets.US_ASCII));
    }

    @Override
    public void addUnsupported() {
      events.add("unsupported");
    }
  }
}
