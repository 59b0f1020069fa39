package io.vpcflow.digesterd.parquet;

import static io.vpcflow.digesterd.testing.Bytes.concat;
import static io.vpcflow.digesterd.testing.Gzip.gzip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

/**
 * A column chunk's stored pages come back decompressed, in order, index pages skipped, with their
 * headers' counts and encodings; chunks whose headers contradict their bytes or their chunk are
 * refused with a reason.
 */
class ColumnChunkPagesTest {
  private static final byte[] DICTIONARY = ascii("dictionary entries");
  private static final byte[] VALUES_1 = ascii("values of the first data page");
  private static final byte[] VALUES_2 = ascii("values of the second data page, version 2");
  private static final byte[] LEVELS = {1, 2, 3};

  @Test
  void pagesComeBackDecompressedInOrder() throws IOException {
    byte[] chunk =
        concat(
            prefix(7),
            dictionaryPage(2, true),
            dataPage(3, VALUES_1, true),
            page(PageType.INDEX_PAGE, ascii("an index page"), false),
            dataPageV2(4, VALUES_2, true, true),
            dataPageV2(1, VALUES_1, false, false));
    ColumnChunkPages pages = pages(chunk, 7, chunk.length, 8);

    DictionaryPage dictionary = pages.readDictionaryPage();
    assertArrayEquals(DICTIONARY, dictionary.getBytes().toByteArray());
    assertEquals(2, dictionary.getDictionarySize());
    assertEquals(org.apache.parquet.column.Encoding.PLAIN, dictionary.getEncoding());

    DataPageV1 first = (DataPageV1) pages.readPage();
    assertArrayEquals(VALUES_1, first.getBytes().toByteArray());
    assertEquals(3, first.getValueCount());
    assertEquals(org.apache.parquet.column.Encoding.RLE_DICTIONARY, first.getValueEncoding());
    assertEquals(org.apache.parquet.column.Encoding.RLE, first.getDlEncoding());

    DataPageV2 second = (DataPageV2) pages.readPage();
    assertArrayEquals(VALUES_2, second.getData().toByteArray());
    assertArrayEquals(LEVELS, second.getDefinitionLevels().toByteArray());
    assertEquals(0, second.getRepetitionLevels().size());
    assertEquals(4, second.getValueCount());
    assertEquals(org.apache.parquet.column.Encoding.PLAIN, second.getDataEncoding());

    DataPageV2 stored = (DataPageV2) pages.readPage();
    assertArrayEquals(VALUES_1, stored.getData().toByteArray());
    assertNull(pages.readPage());
  }

  @Test
  void aChunkWithoutADictionaryHasNone() throws IOException {
    byte[] chunk = dataPage(3, VALUES_1, false);
    ColumnChunkPages pages = pages(chunk, 0, chunk.length, 3);
    assertNull(pages.readDictionaryPage());
    assertEquals(3, pages.readPage().getValueCount());
  }

  @Test
  void chunksThatContradictThemselvesAreRefused() throws IOException {
    byte[] good = concat(dictionaryPage(2, true), dataPage(3, VALUES_1, true));
    byte[] flipped = good.clone();
    flipped[flipped.length - 2] ^= 1;
    assertRefused(flipped, 3, "fails its CRC32 check");
    assertRefused(Arrays.copyOf(good, good.length - 1), 3, "bytes where its chunk has");
    assertRefused(good, 5, "pages hold 3 of its chunk's 5 values");
    assertRefused(
        concat(good, dataPage(3, VALUES_1, true)), 5, "pages hold more than its chunk's 5 values");
    assertRefused(
        concat(dictionaryPage(2, false), good), 3, "a dictionary page after its first page");
    assertRefused(
        concat(
            dataPage(1, VALUES_1, false), dictionaryPage(2, false), dataPage(1, VALUES_1, false)),
        2,
        "a dictionary page after its first page");
    assertRefused(page(PageType.DATA_PAGE, VALUES_1, false), 3, "without its data page header");
    assertRefused(
        page(PageType.DICTIONARY_PAGE, VALUES_1, false), 3, "without its dictionary page header");
    assertRefused(
        page(PageType.DATA_PAGE_V2, VALUES_1, false), 3, "without its data (v2) page header");
    assertRefused(ascii("not a page header at all"), 3, "");
    byte[] second = dataPage(3, VALUES_1, true);
    byte[] headerCut = concat(good, Arrays.copyOf(second, 5));
    assertRefused(headerCut, 6, "a page header of column c runs past its chunk's end");
  }

  @Test
  void pagesThatCannotBeDecompressedAreRefusedWhenRead() throws IOException {
    byte[] huge = dataPage(3, VALUES_1, true);
    PageHeader header = Util.readPageHeader(new java.io.ByteArrayInputStream(huge));
    byte[] body =
        Arrays.copyOfRange(huge, huge.length - header.getCompressed_page_size(), huge.length);
    header.setUncompressed_page_size(ParquetCodecs.MAX_PAGE_BYTES + 1);
    byte[] claimsTooMuch = concat(header(header), body);
    header.setUncompressed_page_size(VALUES_1.length + 1);
    byte[] claimsOneMore = concat(header(header), body);
    byte[] levelsTooLong = dataPageV2(1, VALUES_1, true, true);
    PageHeader v2 = Util.readPageHeader(new java.io.ByteArrayInputStream(levelsTooLong));
    byte[] v2Body =
        Arrays.copyOfRange(
            levelsTooLong,
            levelsTooLong.length - v2.getCompressed_page_size(),
            levelsTooLong.length);
    v2.getData_page_header_v2().setDefinition_levels_byte_length(v2Body.length + 1);

    assertRefusedWhenRead(claimsTooMuch, 3, CompressionCodecName.GZIP, "bytes uncompressed");
    assertRefusedWhenRead(claimsOneMore, 3, CompressionCodecName.GZIP, "fewer bytes than");
    assertRefusedWhenRead(concat(header(v2), v2Body), 1, CompressionCodecName.GZIP, "of levels");
    v2.getData_page_header_v2()
        .setDefinition_levels_byte_length(1 << 30)
        .setRepetition_levels_byte_length(1 << 30);
    assertRefusedWhenRead(
        concat(header(v2), v2Body),
        1,
        CompressionCodecName.GZIP,
        "claims 2147483648 bytes of levels");
    assertRefusedWhenRead(
        dataPage(3, VALUES_1, false), 3, CompressionCodecName.LZ4, "LZ4 are not supported");
  }

  private static void assertRefused(byte[] chunk, long values, String reason) {
    IOException e =
        assertThrows(IOException.class, () -> readAll(pages(chunk, 0, chunk.length, values)));
    assertTrue(String.valueOf(e.getMessage()).contains(reason), e.getMessage());
  }

  private static void assertRefusedWhenRead(
      byte[] chunk, long values, CompressionCodecName codec, String reason) throws IOException {
    ColumnChunkPages pages =
        new ColumnChunkPages(
            "c", chunk, 0, chunk.length, values, codec, new ParquetCodecs(), new PageBuffers(), 0);
    IOException e = assertThrows(IOException.class, pages::readPage);
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  /** Reads every page of {@code pages} as a column reader would, then finishes the chunk. */
  private static void readAll(ColumnChunkPages pages) throws IOException {
    pages.readDictionaryPage();
    while (pages.readPage() != null) {}
    pages.finish();
  }

  private static ColumnChunkPages pages(byte[] chunk, int from, int to, long values)
      throws IOException {
    return new ColumnChunkPages(
        "c",
        chunk,
        from,
        to,
        values,
        CompressionCodecName.GZIP,
        new ParquetCodecs(),
        new PageBuffers(),
        0);
  }

  private static byte[] dictionaryPage(int entries, boolean crc) throws IOException {
    byte[] body = gzip(DICTIONARY);
    PageHeader header = header(PageType.DICTIONARY_PAGE, DICTIONARY.length, body, crc);
    header.setDictionary_page_header(new DictionaryPageHeader(entries, Encoding.PLAIN));
    return concat(header(header), body);
  }

  private static byte[] dataPage(int values, byte[] content, boolean crc) throws IOException {
    byte[] body = gzip(content);
    PageHeader header = header(PageType.DATA_PAGE, content.length, body, crc);
    header.setData_page_header(
        new DataPageHeader(values, Encoding.RLE_DICTIONARY, Encoding.RLE, Encoding.RLE));
    return concat(header(header), body);
  }

  private static byte[] dataPageV2(int values, byte[] content, boolean compressed, boolean crc)
      throws IOException {
    byte[] body = concat(LEVELS, compressed ? gzip(content) : content);
    PageHeader header = header(PageType.DATA_PAGE_V2, LEVELS.length + content.length, body, crc);
    header.setData_page_header_v2(
        new DataPageHeaderV2(values, 0, values, Encoding.PLAIN, LEVELS.length, 0)
            .setIs_compressed(compressed));
    return concat(header(header), body);
  }

  private static byte[] page(PageType type, byte[] body, boolean crc) throws IOException {
    return concat(header(header(type, body.length, body, crc)), body);
  }

  private static PageHeader header(PageType type, int uncompressed, byte[] body, boolean crc) {
    PageHeader header = new PageHeader(type, uncompressed, body.length);
    if (crc) {
      CRC32 sum = new CRC32();
      sum.update(body);
      header.setCrc((int) sum.getValue());
    }
    return header;
  }

  private static byte[] header(PageHeader header) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Util.writePageHeader(header, out);
    return out.toByteArray();
  }

  private static byte[] prefix(int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) 0x77);
    return bytes;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
