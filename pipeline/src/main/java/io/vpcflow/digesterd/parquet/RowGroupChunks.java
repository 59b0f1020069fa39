package io.vpcflow.digesterd.parquet;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.Type;

/**
 * The chosen columns' chunks of one row group, fetched with one read for each run of chunks that
 * lie end to end in the file (on S3 one ranged GET each) into {@link PageBuffers}' arrays, their
 * pages as {@link ColumnChunkPages}.
 *
 * @param pages the pages of each chosen column, in the order of {@link FlowLogColumns#projection}
 * @param uncompressed the chosen chunks' size uncompressed, as the footer says
 */
record RowGroupChunks(ColumnChunkPages[] pages, long uncompressed) {
  /** The largest stored size of a row group's chosen columns that is read. */
  static final long MAX_ROW_GROUP_BYTES = 256L << 20;

  private record Chunk(String column, ColumnMetaData meta, long start, long size) {}

  /**
   * Reads {@code rowGroup}'s chunks of {@code columns} from {@code in}, a file of {@code length}
   * bytes, once the footer shows each to lie within the file and all of them to be at most {@link
   * #MAX_ROW_GROUP_BYTES}.
   */
  static RowGroupChunks read(
      SeekableInputStream in,
      long length,
      RowGroup rowGroup,
      FlowLogColumns columns,
      ParquetCodecs codecs,
      PageBuffers buffers)
      throws IOException, UnreadableParquetException {
    List<Type> fields = columns.projection().getFields();
    Chunk[] chunks = new Chunk[fields.size()];
    long stored = 0;
    long uncompressed = 0;
    for (int i = 0; i < chunks.length; i++) {
      chunks[i] = chunk(rowGroup, fields.get(i).getName(), length);
      stored += chunks[i].size();
      uncompressed += chunks[i].meta().getTotal_uncompressed_size();
    }
    if (stored > MAX_ROW_GROUP_BYTES) {
      throw new UnreadableParquetException(
          "a row group's columns claim "
              + stored
              + " bytes (at most "
              + MAX_ROW_GROUP_BYTES
              + " read at once)");
    }
    buffers.startRowGroup();
    ColumnChunkPages[] pages = new ColumnChunkPages[chunks.length];
    Integer[] byStart = new Integer[chunks.length];
    Arrays.setAll(byStart, i -> i);
    Arrays.sort(byStart, Comparator.comparingLong(i -> chunks[i].start()));
    for (int first = 0, runs = 0; first < byStart.length; runs++) {
      long from = chunks[byStart[first]].start();
      long to = from + chunks[byStart[first]].size();
      int last = first + 1;
      while (last < byStart.length && chunks[byStart[last]].start() == to) {
        to += chunks[byStart[last]].size();
        last++;
      }
      byte[] run = buffers.run(runs, (int) (to - from));
      in.seek(from);
      in.readFully(run, 0, (int) (to - from));
      for (int k = first; k < last; k++) {
        Chunk chunk = chunks[byStart[k]];
        int at = (int) (chunk.start() - from);
        pages[byStart[k]] =
            new ColumnChunkPages(
                chunk.column(),
                run,
                at,
                at + (int) chunk.size(),
                chunk.meta().getNum_values(),
                CompressionCodecName.fromParquet(chunk.meta().getCodec()),
                codecs,
                buffers,
                byStart[k]);
      }
      first = last;
    }
    return new RowGroupChunks(pages, uncompressed);
  }

  /** Checks that no chunk's pages hold fewer values than it says, once its rows are read. */
  void finish() throws IOException {
    for (ColumnChunkPages chunk : pages) {
      chunk.finish();
    }
  }

  /**
   * How many rows {@code rowGroup} holds, once its footer shows them not to be negative and each of
   * {@code columns}' chunks it has (flat columns: one value per row, null or not) to hold as many
   * values: rows past a chunk's values, or values past its rows, would be lost unseen.
   */
  static long rows(RowGroup rowGroup, FlowLogColumns columns) throws UnreadableParquetException {
    long rows = rowGroup.getNum_rows();
    if (rows < 0) {
      throw new UnreadableParquetException("a row group claims " + rows + " rows");
    }
    for (Type field : columns.projection().getFields()) {
      ColumnChunk chunk = find(rowGroup, field.getName());
      if (chunk != null && chunk.getMeta_data().getNum_values() != rows) {
        throw new UnreadableParquetException(
            "column "
                + field.getName()
                + "'s chunk holds "
                + chunk.getMeta_data().getNum_values()
                + " values in a row group of "
                + rows
                + " rows");
      }
    }
    return rows;
  }

  /** {@code rowGroup}'s chunk of the top-level column {@code column}; null when it has none. */
  private static ColumnChunk find(RowGroup rowGroup, String column) {
    for (ColumnChunk chunk : rowGroup.getColumns()) {
      ColumnMetaData meta = chunk.getMeta_data();
      if (meta != null
          && meta.getPath_in_schema().size() == 1
          && meta.getPath_in_schema().get(0).equals(column)) {
        return chunk;
      }
    }
    return null;
  }

  /**
   * {@code rowGroup}'s chunk of the top-level column {@code column}, checked to lie in the file.
   */
  private static Chunk chunk(RowGroup rowGroup, String column, long length)
      throws UnreadableParquetException {
    ColumnChunk chunk = find(rowGroup, column);
    if (chunk != null) {
      ColumnMetaData meta = chunk.getMeta_data();
      if (chunk.isSetFile_path()) {
        throw new UnreadableParquetException(
            "column " + column + " is stored in another file: " + chunk.getFile_path());
      }
      long dictionary = meta.isSetDictionary_page_offset() ? meta.getDictionary_page_offset() : 0;
      long start =
          dictionary > 0 && dictionary < meta.getData_page_offset()
              ? dictionary
              : meta.getData_page_offset();
      long size = meta.getTotal_compressed_size();
      if (start < 0 || size < 0 || size > length - start) {
        throw new UnreadableParquetException(
            "column "
                + column
                + "'s chunk claims "
                + size
                + " bytes at "
                + start
                + " in a file of "
                + length);
      }
      return new Chunk(column, meta, start, size);
    }
    throw new UnreadableParquetException("a row group has no chunk of column " + column);
  }
}
