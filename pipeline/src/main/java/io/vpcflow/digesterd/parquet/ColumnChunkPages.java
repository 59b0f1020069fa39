package io.vpcflow.digesterd.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The pages of one column chunk held in memory as stored, {@code bytes[from, to)}, read one at a
 * time: a page's header is read, and its CRC32 checked when it carries one, when the page is asked
 * for, so a chunk of any number of pages holds one header at a time; its values are decompressed
 * into the column's array of {@link PageBuffers}, overwriting the page before it. Index pages are
 * skipped. A page running past the chunk's end, a header without its page kind's own header, a
 * failed checksum, a dictionary after the first page, or pages holding more values than the chunk
 * says are a {@link CorruptPageException} when met; pages holding fewer, when {@link #finish} is
 * called.
 */
final class ColumnChunkPages implements ChunkPages {
  private record StoredPage(PageHeader header, int from) {}

  private final String column;
  private final byte[] bytes;
  private final int to;
  private final long values;
  private final CompressionCodecName codec;
  private final ParquetCodecs codecs;
  private final PageBuffers buffers;
  private final int index;
  private final HeaderStream in;
  private final CRC32 crc = new CRC32();
  private long read;
  private boolean started;
  private StoredPage first;

  /**
   * The pages of column {@code column}'s chunk {@code bytes[from, to)}, which holds {@code values}
   * values compressed with {@code codec}; decompressed into {@code buffers}' arrays for the {@code
   * index}-th chosen column.
   */
  ColumnChunkPages(
      String column,
      byte[] bytes,
      int from,
      int to,
      long values,
      CompressionCodecName codec,
      ParquetCodecs codecs,
      PageBuffers buffers,
      int index) {
    this.column = column;
    this.bytes = bytes;
    this.to = to;
    this.values = values;
    this.codec = codec;
    this.codecs = codecs;
    this.buffers = buffers;
    this.index = index;
    this.in = new HeaderStream(bytes, from, to);
  }

  /**
   * The chunk's dictionary; null when its first page is not one. Asked for first, before any data
   * page.
   */
  @Override
  public DictionaryPage readDictionaryPage() throws IOException {
    if (started) {
      throw new IllegalStateException("the dictionary is asked for once, before the data pages");
    }
    started = true;
    StoredPage page = next();
    if (page == null || page.header().getType() != PageType.DICTIONARY_PAGE) {
      first = page;
      return null;
    }
    PageHeader header = page.header();
    DictionaryPageHeader dictionaryHeader = header.getDictionary_page_header();
    PageBytes dictionary =
        decompress(page, 0, header.getUncompressed_page_size(), n -> buffers.dictionary(index, n));
    return new DictionaryPage(
        BytesInput.from(dictionary.array(), dictionary.from(), dictionary.length()),
        header.getUncompressed_page_size(),
        dictionaryHeader.getNum_values(),
        encoding(dictionaryHeader.getEncoding()));
  }

  /**
   * Checks that the chunk's pages hold no fewer values than it says, reading the headers of the
   * pages not asked for.
   */
  void finish() throws IOException {
    if (!started) {
      readDictionaryPage();
    }
    while (first != null || read < values) {
      StoredPage page = first != null ? first : next();
      first = null;
      count(page);
    }
  }

  /**
   * The next page's header, once its bytes are known to lie in the chunk and to match its CRC32;
   * index pages skipped; null once the chunk's values are all read.
   */
  private StoredPage next() throws IOException {
    while (read < values) {
      int at = in.position();
      if (at >= to) {
        throw new CorruptPageException(
            "column " + column + "'s pages hold " + read + " of its chunk's " + values + " values");
      }
      PageHeader header = readHeader();
      int start = in.position();
      int size = header.getCompressed_page_size();
      if (size < 0 || size > to - start) {
        throw new CorruptPageException(
            "a page of column "
                + column
                + " claims "
                + size
                + " bytes where its chunk has "
                + (to - start)
                + " left");
      }
      in.skip(size);
      if (header.isSetCrc()) {
        crc.reset();
        crc.update(bytes, start, size);
        if ((int) crc.getValue() != header.getCrc()) {
          throw new CorruptPageException("a page of column " + column + " fails its CRC32 check");
        }
      }
      switch (header.getType()) {
        case DICTIONARY_PAGE -> need(header.getDictionary_page_header(), "dictionary");
        case DATA_PAGE -> need(header.getData_page_header(), "data");
        case DATA_PAGE_V2 -> need(header.getData_page_header_v2(), "data (v2)");
        default -> {
          continue;
        }
      }
      return new StoredPage(header, start);
    }
    return null;
  }

  /** The page header at the stream's position; one cut short by the chunk's end is corrupt. */
  private PageHeader readHeader() throws IOException {
    try {
      return Util.readPageHeader(in);
    } catch (IOException e) {
      if (in.available() == 0) {
        throw new CorruptPageException(
            "a page header of column " + column + " runs past its chunk's end");
      }
      throw e;
    }
  }

  /** Counts the values of {@code page}, a data page; a dictionary is refused. */
  private void count(StoredPage page) throws CorruptPageException {
    if (page == null) {
      return;
    }
    PageHeader header = page.header();
    switch (header.getType()) {
      case DATA_PAGE -> read += header.getData_page_header().getNum_values();
      case DATA_PAGE_V2 -> read += header.getData_page_header_v2().getNum_values();
      default ->
          throw new CorruptPageException(
              "column " + column + " has a dictionary page after its first page");
    }
    if (read > values) {
      throw new CorruptPageException(
          "column " + column + "'s pages hold more than its chunk's " + values + " values");
    }
  }

  @Override
  public DataPage readPage() throws IOException {
    if (!started) {
      readDictionaryPage();
    }
    StoredPage page = first != null ? first : next();
    first = null;
    if (page == null) {
      return null;
    }
    count(page);
    PageHeader header = page.header();
    int uncompressedSize = header.getUncompressed_page_size();
    if (header.getType() == PageType.DATA_PAGE) {
      DataPageHeader v1 = header.getData_page_header();
      PageBytes data = decompress(page, 0, uncompressedSize, n -> buffers.page(index, n));
      return new DataPageV1(
          BytesInput.from(data.array(), data.from(), data.length()),
          v1.getNum_values(),
          uncompressedSize,
          null,
          encoding(v1.getRepetition_level_encoding()),
          encoding(v1.getDefinition_level_encoding()),
          encoding(v1.getEncoding()));
    }
    DataPageHeaderV2 v2 = header.getData_page_header_v2();
    int repetition = v2.getRepetition_levels_byte_length();
    int definition = v2.getDefinition_levels_byte_length();
    long claimed = (long) repetition + definition;
    if (repetition < 0 || definition < 0 || claimed > header.getCompressed_page_size()) {
      throw new CorruptPageException(
          "a page of column " + column + " claims " + claimed + " bytes of levels");
    }
    int levels = (int) claimed;
    PageBytes data =
        v2.isIs_compressed()
            ? decompress(page, levels, uncompressedSize - levels, n -> buffers.page(index, n))
            : new PageBytes(
                bytes, page.from() + levels, page.from() + header.getCompressed_page_size());
    return DataPageV2.uncompressed(
        v2.getNum_rows(),
        v2.getNum_nulls(),
        v2.getNum_values(),
        BytesInput.from(bytes, page.from(), repetition),
        BytesInput.from(bytes, page.from() + repetition, definition),
        encoding(v2.getEncoding()),
        BytesInput.from(data.array(), data.from(), data.length()),
        null);
  }

  /**
   * The page's stored bytes from {@code skip} on, decompressed to {@code size} bytes into an array
   * {@code buffer} gives.
   */
  private PageBytes decompress(StoredPage page, int skip, int size, ParquetCodecs.PageArray buffer)
      throws IOException {
    int end = page.from() + page.header().getCompressed_page_size();
    return codecs.decompress(codec, bytes, page.from() + skip, end, size, buffer);
  }

  private <T> T need(T pageKindHeader, String kind) throws CorruptPageException {
    if (pageKindHeader == null) {
      throw new CorruptPageException(
          "a " + kind + " page of column " + column + " without its " + kind + " page header");
    }
    return pageKindHeader;
  }

  private Encoding encoding(org.apache.parquet.format.Encoding encoding)
      throws CorruptPageException {
    if (encoding == null) {
      throw new CorruptPageException("a page of column " + column + " of an unknown encoding");
    }
    return Encoding.valueOf(encoding.name());
  }

  /** A stream over a chunk's bytes that tells where it is. */
  private static final class HeaderStream extends ByteArrayInputStream {
    HeaderStream(byte[] bytes, int from, int to) {
      super(bytes, from, to - from);
    }

    int position() {
      return pos;
    }
  }
}
