package io.vpcflow.digesterd.parquet;

import io.vpcflow.digesterd.flowlog.FlowLogReader;
import io.vpcflow.digesterd.flowlog.LineOutcome;
import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import io.vpcflow.digesterd.flowlog.RecordHandler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads the records of one Parquet flow-log object through a {@link FlowLogReader}, so that each
 * row gets the outcome the same record would get as a text line ({@link RowRenderer}), its columns
 * decoded by {@link FlatColumnReader}s into {@link ColumnBatch}es of up to {@link #BATCH_ROWS}
 * rows. Only the columns the digest needs are read ({@link FlowLogColumns}), one row group at a
 * time: memory is bounded by a row group's chosen columns, at most {@link #MAX_ROW_GROUP_BYTES} as
 * stored and {@link ParquetCodecs#MAX_PAGE_BYTES} per decompressed page; a file claiming more is
 * refused. One instance reads one object at a time and is not thread-safe.
 */
public final class ParquetFlowLogReader {
  /** The largest stored size of a row group's chosen columns that is read. */
  public static final long MAX_ROW_GROUP_BYTES = 256L << 20;

  /** The largest footer read. */
  static final int MAX_FOOTER_BYTES = 64 << 20;

  /** How many rows are decoded, column by column, before they are rendered. */
  static final int BATCH_ROWS = 1024;

  private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

  private final FlowLogReader reader;
  private final int maxLineBytes;
  private ColumnBatch[] batches = new ColumnBatch[0];
  private final ParquetReadOptions options =
      ParquetReadOptions.builder(new PlainParquetConfiguration())
          .withCodecFactory(new ParquetCodecs())
          .usePageChecksumVerification(true)
          .build();

  /** A reader whose rendered rows longer than {@code maxLineBytes} are skipped as too long. */
  public ParquetFlowLogReader(int maxLineBytes) {
    this.reader = new FlowLogReader(maxLineBytes);
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Reads every row of {@code file}, handing its valid {@code OK} records to {@code handler}. The
   * result's uncompressed bytes are those of the chosen columns' pages.
   *
   * @throws UnreadableParquetException when the file is not (complete, supported) Parquet, or when
   *     {@code file} fails; the caller tells the two apart, knowing its file
   * @throws RuntimeException what {@code handler} throws, unchanged
   */
  public ObjectParseResult read(InputFile file, RecordHandler handler)
      throws UnreadableParquetException {
    try {
      try (SeekableInputStream in = file.newStream();
          ParquetFileReader parquet = open(file, in)) {
        MessageType schema = parquet.getFooter().getFileMetaData().getSchema();
        FlowLogColumns columns = FlowLogColumns.of(schema);
        reader.beginRows(columns.format(), "columns '" + columnNames(schema) + "'");
        boolean digestible = columns.format().missingRequiredFields().isEmpty();
        parquet.setRequestedSchema(columns.projection());
        RowRenderer renderer = new RowRenderer(columns, reader, maxLineBytes, handler);
        long uncompressed = 0;
        for (BlockMetaData rowGroup : parquet.getRowGroups()) {
          if (!digestible) {
            reader.countRows(LineOutcome.FORMAT_LACKS_FIELDS, rowGroup.getRowCount());
            continue;
          }
          uncompressed += checkRowGroup(rowGroup, columns);
          PageReadStore pages = parquet.readNextRowGroup();
          if (pages == null) {
            throw new UnreadableParquetException("a row group listed in the footer is missing");
          }
          readRows(pages, columns, renderer);
        }
        return reader.finishRows(uncompressed);
      }
    } catch (RowRenderer.HandlerFailure e) {
      throw e.getCause();
    } catch (UnreadableParquetException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new UnreadableParquetException(describe(e), e);
    }
  }

  /**
   * Renders every row of one row group's chosen columns, a batch of rows at a time: at most {@link
   * #BATCH_ROWS}, and never past the end of any column's page.
   */
  private void readRows(PageReadStore pages, FlowLogColumns columns, RowRenderer renderer)
      throws IOException {
    List<ColumnDescriptor> descriptors = columns.projection().getColumns();
    FlatColumnReader[] readers = new FlatColumnReader[descriptors.size()];
    for (int i = 0; i < readers.length; i++) {
      ColumnDescriptor column = descriptors.get(i);
      readers[i] = new FlatColumnReader(column, pages.getPageReader(column));
    }
    ColumnBatch[] batches = batches(readers.length);
    for (long left = pages.getRowCount(); left > 0; ) {
      int rows = (int) Math.min(left, BATCH_ROWS);
      for (FlatColumnReader column : readers) {
        rows = Math.min(rows, column.rowsInPage());
      }
      for (int i = 0; i < readers.length; i++) {
        readers[i].read(rows, batches[i]);
      }
      renderer.render(batches, rows);
      left -= rows;
    }
  }

  /** This reader's batches for the first {@code count} columns. */
  private ColumnBatch[] batches(int count) {
    if (batches.length < count) {
      ColumnBatch[] grown = Arrays.copyOf(batches, count);
      for (int i = batches.length; i < count; i++) {
        grown[i] = new ColumnBatch(BATCH_ROWS);
      }
      batches = grown;
    }
    return batches;
  }

  /** The uncompressed size of the row group's chosen columns, once checked to be readable. */
  private static long checkRowGroup(BlockMetaData rowGroup, FlowLogColumns columns)
      throws UnreadableParquetException {
    long stored = 0;
    long uncompressed = 0;
    for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
      String[] path = chunk.getPath().toArray();
      if (path.length == 1 && columns.projection().containsField(path[0])) {
        stored += chunk.getTotalSize();
        uncompressed += chunk.getTotalUncompressedSize();
      }
    }
    if (stored < 0 || stored > MAX_ROW_GROUP_BYTES) {
      throw new UnreadableParquetException(
          "a row group's columns claim "
              + stored
              + " bytes (at most "
              + MAX_ROW_GROUP_BYTES
              + " read at once)");
    }
    return uncompressed;
  }

  /**
   * Opens {@code file} on {@code in}, once its tail shows a footer of a size that can be held: the
   * Parquet reader would allocate whatever the footer length says.
   */
  private ParquetFileReader open(InputFile file, SeekableInputStream in)
      throws IOException, UnreadableParquetException {
    long length = file.getLength();
    if (length < 2L * MAGIC.length + 4) {
      throw new UnreadableParquetException("too short for Parquet: " + length + " bytes");
    }
    byte[] tail = new byte[8];
    in.seek(length - tail.length);
    in.readFully(tail);
    for (int i = 0; i < MAGIC.length; i++) {
      if (tail[4 + i] != MAGIC[i]) {
        throw new UnreadableParquetException("not Parquet: the file does not end with PAR1");
      }
    }
    long footer =
        Integer.toUnsignedLong(ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
    if (footer > MAX_FOOTER_BYTES || footer > length - tail.length - MAGIC.length) {
      throw new UnreadableParquetException(
          "the footer claims " + footer + " bytes in a file of " + length);
    }
    return ParquetFileReader.open(file, options, in);
  }

  private static String columnNames(MessageType schema) {
    return String.join(" ", schema.getFields().stream().map(Type::getName).toList());
  }

  private static String describe(Exception e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
      message = message + " (" + cause.getMessage() + ")";
    }
    return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }
}
