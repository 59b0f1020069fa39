package io.vpcflow.digesterd.parquet;

import static io.vpcflow.digesterd.testing.Bytes.concat;
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
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;

/**
 * Pages written by hand: what the reader decodes into batches, and the contradictions it refuses
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
  void readsDictionaryValuesPlainValuesAndNulls() throws Exception {
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
    List<String> expected = List.of("long 443", "null", "long 80", "long 22", "null", "long -1");
    for (boolean wholePages : new boolean[] {true, false}) {
      FlatColumnReader reader = new FlatColumnReader(PORT, new Pages(dictionary, ids, plain));
      assertEquals(expected, readRows(reader, 6, wholePages), "whole pages: " + wholePages);
    }
  }

  @Test
  void readsDictionaryTextAsIdsAndPlainTextAsRanges() throws Exception {
    DictionaryPage dictionary =
        new DictionaryPage(
            BytesInput.from(concat(bytes(1, 0, 0, 0, 'a', 2, 0, 0, 0), bytes('b', 'c'))),
            2,
            Encoding.PLAIN);
    DataPage ids =
        page(3, Encoding.PLAIN_DICTIONARY, concat(LEVELS_PRESENT_NULL_PRESENT, bytes(1, 3, 0b01)));
    byte[] values =
        concat(
            bytes(8, 0, 0, 0), "10.0.0.1".getBytes(StandardCharsets.US_ASCII), bytes(0, 0, 0, 0));
    DataPage plain = page(3, Encoding.PLAIN, concat(LEVELS_PRESENT_NULL_PRESENT, values));
    FlatColumnReader reader = new FlatColumnReader(ADDRESS, new Pages(dictionary, ids, plain));
    assertEquals(
        List.of("id 1 bc", "null", "id 0 a", "text 10.0.0.1", "null", "text "),
        readRows(reader, 6, true));
  }

  @Test
  void readsDictionariesOfEveryOtherPhysicalType() throws Exception {
    // Two entries each; ids 1 then 0 (width 1, bit-packed), as in the tests above.
    byte[] idsPage = bytes(1, 3, 0b01);
    Object[][] cases = {
      {
        PrimitiveTypeName.INT64,
        bytes(1, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
        List.of("long -1", "long 1")
      },
      {
        PrimitiveTypeName.FLOAT,
        bytes(0, 0, 0xc0, 0x3f, 0, 0, 0x20, 0xc1),
        List.of("double -10.0", "double 1.5")
      },
      {
        PrimitiveTypeName.DOUBLE,
        bytes(0, 0, 0, 0, 0, 0, 0xf8, 0x3f, 0, 0, 0, 0, 0, 0, 0x24, 0xc0),
        List.of("double -10.0", "double 1.5")
      },
      {
        PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY,
        bytes('a', 'b', 'c', 'x', 'y', 'z'),
        List.of("id 1 xyz", "id 0 abc")
      },
    };
    for (Object[] c : cases) {
      PrimitiveTypeName type = (PrimitiveTypeName) c[0];
      ColumnDescriptor column =
          new ColumnDescriptor(new String[] {"v"}, Types.required(type).length(3).named("v"), 0, 0);
      DictionaryPage dictionary =
          new DictionaryPage(BytesInput.from((byte[]) c[1]), 2, Encoding.PLAIN);
      FlatColumnReader reader =
          new FlatColumnReader(
              column, new Pages(dictionary, page(2, Encoding.PLAIN_DICTIONARY, idsPage)));
      assertEquals(c[2], readRows(reader, 2, true), type.toString());
    }
  }

  @Test
  void readsValuesOfOtherEncodingsThroughParquetJava() throws Exception {
    ColumnDescriptor flags =
        new ColumnDescriptor(
            new String[] {"flag"}, Types.required(PrimitiveTypeName.BOOLEAN).named("flag"), 0, 0);
    // PLAIN booleans, bit-packed from the lowest bit: true, false, true.
    FlatColumnReader reader =
        new FlatColumnReader(flags, new Pages(null, page(3, Encoding.PLAIN, bytes(0b101))));
    assertEquals(List.of("boolean 1", "boolean 0", "boolean 1"), readRows(reader, 3, true));
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
              FlatColumnReader reader = new FlatColumnReader(column, new Pages(dictionary, page));
              readRows(reader, goodRows + 1, false);
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

  /** A column chunk's pages, in memory. */
  private static final class Pages implements ChunkPages {
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
    public DataPage readPage() {
      return pages.poll();
    }
  }

  /**
   * Reads {@code rows} rows, each described as the batch holds it: in batches as large as the
   * current page allows, or one row at a time.
   */
  private static List<String> readRows(FlatColumnReader reader, int rows, boolean wholePages)
      throws Exception {
    List<String> described = new ArrayList<>();
    ColumnBatch batch = new ColumnBatch(16);
    while (described.size() < rows) {
      int count = wholePages ? Math.min(reader.rowsInPage(), rows - described.size()) : 1;
      reader.read(count, batch);
      assertEquals(count, batch.rows());
      for (int r = 0; r < count; r++) {
        described.add(describe(batch, r));
      }
    }
    return described;
  }

  private static String describe(ColumnBatch batch, int r) {
    if (!batch.present[r]) {
      return "null";
    }
    return switch (batch.kind()) {
      case LONG -> "long " + batch.longs[r];
      case DOUBLE -> "double " + batch.doubles[r];
      case BOOLEAN -> "boolean " + batch.longs[r];
      case TEXT -> "text " + ascii(batch.bytes(), batch.starts[r], batch.ends[r]);
      case DICTIONARY_TEXT -> {
        ColumnDictionary dictionary = batch.dictionary();
        int id = batch.ids[r];
        yield "id "
            + id
            + " "
            + ascii(dictionary.bytes(), dictionary.start(id), dictionary.end(id));
      }
      case UNSUPPORTED -> "unsupported";
    };
  }

  private static String ascii(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
  }
}
