package io.vpcflow.digesterd.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;

/**
 * What a Parquet file's footer says that a flow-log reader needs: its schema and its row groups.
 *
 * @param schema the file's schema
 * @param rowGroups the row groups, in file order, as the footer describes them
 */
record ParquetFooter(MessageType schema, List<RowGroup> rowGroups) {
  /**
   * The largest footer read: its objects take about 15 times its size (a flow-log object's footer
   * takes a few KiB).
   */
  static final int MAX_FOOTER_BYTES = 4 << 20;

  private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

  /**
   * The footer of the file of {@code length} bytes that {@code in} reads, once its tail shows a
   * footer of a size that can be held.
   *
   * @throws UnreadableParquetException when the tail is not Parquet's, the footer's size cannot be
   *     held, or its metadata is cut short
   * @throws IOException when {@code in} fails, or the metadata is not Parquet's
   */
  static ParquetFooter read(SeekableInputStream in, long length)
      throws IOException, UnreadableParquetException {
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
    long size = Integer.toUnsignedLong(PlainValues.int32(tail, 0));
    if (size > length - tail.length - MAGIC.length) {
      throw new UnreadableParquetException(
          "the footer claims " + size + " bytes in a file of " + length);
    }
    if (size > MAX_FOOTER_BYTES) {
      throw new UnreadableParquetException(
          "the footer claims " + size + " bytes (at most " + MAX_FOOTER_BYTES + " read)");
    }
    byte[] footer = new byte[(int) size];
    in.seek(length - tail.length - size);
    in.readFully(footer);
    ByteArrayInputStream metadata = new ByteArrayInputStream(footer);
    FileMetaData metaData;
    try {
      metaData = Util.readFileMetaData(metadata);
    } catch (IOException e) {
      if (metadata.available() == 0) {
        throw new UnreadableParquetException(
            "the footer's " + size + " bytes end inside its metadata", e);
      }
      throw e;
    }
    return new ParquetFooter(FooterSchema.of(metaData.getSchema()), metaData.getRow_groups());
  }
}
