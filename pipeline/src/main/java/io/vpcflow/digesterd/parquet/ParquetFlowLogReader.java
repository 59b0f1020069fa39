package io.vpcflow.digesterd.parquet;

import io.vpcflow.digesterd.flowlog.FlowLogReader;
import io.vpcflow.digesterd.flowlog.LineOutcome;
import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import io.vpcflow.digesterd.flowlog.RecordHandler;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads the records of one Parquet flow-log object through a {@link FlowLogReader}, so that each
 * row gets the outcome the same record would get as a text line ({@link RowRenderer}), its columns
 * decoded by {@link FlatColumnReader}s into {@link ColumnBatch}es of up to {@link #BATCH_ROWS}
 * rows. The footer ({@link ParquetFooter}) and the pages ({@link ColumnChunkPages}) are read with
 * parquet-format's structures. Only the columns the digest needs are read ({@link FlowLogColumns}),
 * one row group at a time: memory is bounded by a row group's chosen columns, at most {@link
 * RowGroupChunks#MAX_ROW_GROUP_BYTES} as stored and {@link PageBuffers#MAX_HELD_BYTES} of current
 * pages and dictionaries decompressed, and by a footer of at most {@link
 * ParquetFooter#MAX_FOOTER_BYTES}; a file claiming more is refused. One instance reads one object
 * at a time and is not thread-safe.
 */
public final class ParquetFlowLogReader {
  /** How many rows are decoded, column by column, before they are rendered. */
  static final int BATCH_ROWS = 1024;

  private final FlowLogReader reader;
  private final int maxLineBytes;
  private final ParquetCodecs codecs = new ParquetCodecs();
  private final PageBuffers buffers = new PageBuffers();
  private ColumnBatch[] batches = new ColumnBatch[0];

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
      try (SeekableInputStream in = file.newStream()) {
        long length = file.getLength();
        ParquetFooter footer = ParquetFooter.read(in, length);
        MessageType schema = footer.schema();
        FlowLogColumns columns = FlowLogColumns.of(schema);
        reader.beginRows(columns.format(), "columns '" + columnNames(schema) + "'");
        boolean digestible = columns.format().missingRequiredFields().isEmpty();
        RowRenderer renderer = new RowRenderer(columns, reader, maxLineBytes, handler);
        long uncompressed = 0;
        for (RowGroup rowGroup : footer.rowGroups()) {
          long rows = RowGroupChunks.rows(rowGroup, columns);
          if (!digestible) {
            reader.countRows(LineOutcome.FORMAT_LACKS_FIELDS, rows);
            continue;
          }
          if (rows == 0) {
            continue;
          }
          RowGroupChunks chunks =
              RowGroupChunks.read(in, length, rowGroup, columns, codecs, buffers);
          uncompressed += chunks.uncompressed();
          readRows(chunks, rows, columns, renderer);
          chunks.finish();
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
  private void readRows(
      RowGroupChunks chunks, long rowCount, FlowLogColumns columns, RowRenderer renderer)
      throws IOException {
    List<ColumnDescriptor> descriptors = columns.projection().getColumns();
    FlatColumnReader[] readers = new FlatColumnReader[descriptors.size()];
    for (int i = 0; i < readers.length; i++) {
      readers[i] = new FlatColumnReader(descriptors.get(i), chunks.pages()[i]);
    }
    ColumnBatch[] batches = batches(readers.length);
    for (long left = rowCount; left > 0; ) {
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
