package io.vpcflow.digesterd.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.IntFunction;
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
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The pages of one column chunk held in memory as stored, {@code bytes[from, to)}. Every page
 * header is read, and every page that carries a CRC32 checked against it, when the chunk is made; a
 * page is decompressed when it is read, so at most one decompressed page is held. Index pages are
 * skipped. Pages that hold other than the chunk's count of values, a page running past the chunk's
 * end, a second dictionary, a header without its page kind's own header, or a failed checksum are a
 * {@link CorruptPageException}.
 */
final class ColumnChunkPages implements ChunkPages {
  private record StoredPage(PageHeader header, int from) {}

  private final String column;
  private final byte[] bytes;
  private final CompressionCodecName codec;
  private final ParquetCodecs codecs;
  private final PageBuffers buffers;
  private final int index;
  private final ArrayDeque<StoredPage> pages = new ArrayDeque<>();
  private StoredPage dictionary;

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
      int index)
      throws IOException {
    this.column = column;
    this.bytes = bytes;
    this.codec = codec;
    this.codecs = codecs;
    this.buffers = buffers;
    this.index = index;
    HeaderStream in = new HeaderStream(bytes, from, to);
    CRC32 crc = new CRC32();
    long read = 0;
    while (read < values) {
      if (in.position() >= to) {
        throw new CorruptPageException(
            "column " + column + "'s pages hold " + read + " of its chunk's " + values + " values");
      }
      PageHeader header = Util.readPageHeader(in);
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
      if (header.isSetCrc()) {
        crc.reset();
        crc.update(bytes, start, size);
        if ((int) crc.getValue() != header.getCrc()) {
          throw new CorruptPageException("a page of column " + column + " fails its CRC32 check");
        }
      }
      switch (header.getType()) {
        case DICTIONARY_PAGE -> {
          if (dictionary != null) {
            throw new CorruptPageException("column " + column + " has two dictionary pages");
          }
          need(header.getDictionary_page_header(), "dictionary");
          dictionary = new StoredPage(header, start);
        }
        case DATA_PAGE -> {
          read += need(header.getData_page_header(), "data").getNum_values();
          pages.add(new StoredPage(header, start));
        }
        case DATA_PAGE_V2 -> {
          read += need(header.getData_page_header_v2(), "data (v2)").getNum_values();
          pages.add(new StoredPage(header, start));
        }
        default -> {}
      }
      in.skip(size);
    }
    if (read != values) {
      throw new CorruptPageException(
          "column " + column + "'s pages hold " + read + " values, its chunk " + values);
    }
  }

  @Override
  public DictionaryPage readDictionaryPage() throws IOException {
    if (dictionary == null) {
      return null;
    }
    PageHeader header = dictionary.header();
    DictionaryPageHeader dictionaryHeader = header.getDictionary_page_header();
    PageBytes page =
        decompress(
            dictionary, 0, header.getUncompressed_page_size(), n -> buffers.dictionary(index, n));
    return new DictionaryPage(
        BytesInput.from(page.array(), page.from(), page.length()),
        header.getUncompressed_page_size(),
        dictionaryHeader.getNum_values(),
        encoding(dictionaryHeader.getEncoding()));
  }

  @Override
  public DataPage readPage() throws IOException {
    StoredPage page = pages.poll();
    if (page == null) {
      return null;
    }
    PageHeader header = page.header();
    int uncompressedSize = header.getUncompressed_page_size();
    if (header.getType() == org.apache.parquet.format.PageType.DATA_PAGE) {
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
    int levels = repetition + definition;
    if (repetition < 0 || definition < 0 || levels > header.getCompressed_page_size()) {
      throw new CorruptPageException(
          "a page of column " + column + " claims " + levels + " bytes of levels");
    }
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
  private PageBytes decompress(StoredPage page, int skip, int size, IntFunction<byte[]> buffer)
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
