package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.flowlog.FlowLogReader;
import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import io.vpcflow.digesterd.flowlog.RecordHandler;
import io.vpcflow.digesterd.gzip.GunzipInputStream;
import io.vpcflow.digesterd.layout.ObjectFormat;
import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.parquet.ParquetFlowLogReader;
import io.vpcflow.digesterd.parquet.UnreadableParquetException;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.zip.ZipException;
import org.apache.beam.sdk.io.FileSystems;

/**
 * Opens a flow-log object through Beam's filesystems ({@code s3://}, {@code file://}) and parses
 * its records: a {@code .log.parquet} object with {@link ParquetFlowLogReader}, any other as gzip'd
 * text lines. Tells a broken object (bad gzip data, truncated although every byte of it was read,
 * not readable Parquet) from a failing store (an error, or the object ended before its size): the
 * first is a {@link CorruptObjectException}, the second an {@link IOException} that fails the run.
 */
public final class FlowLogObjectReader {
  private final FlowLogReader reader;
  private final int maxLineBytes;
  private final int bufferBytes;

  /**
   * Made for the first Parquet object: a window of text objects loads none of Parquet's classes.
   */
  private ParquetFlowLogReader parquet;

  /** The array small Parquet objects are fetched into, one after the other. */
  private byte[] wholeObjectBytes = new byte[0];

  /**
   * A reader skipping lines over {@code maxLineBytes}, buffering {@code bufferBytes} of gzip input.
   */
  public FlowLogObjectReader(int maxLineBytes, int bufferBytes) {
    this.reader = new FlowLogReader(maxLineBytes);
    this.maxLineBytes = maxLineBytes;
    this.bufferBytes = bufferBytes;
  }

  /**
   * Reads {@code object} to its end, handing its records to {@code handler}.
   *
   * @throws CorruptObjectException when the object is not (complete) gzip data
   * @throws IOException when the store fails
   */
  public ObjectParseResult read(PlannedObject object, RecordHandler handler)
      throws IOException, CorruptObjectException {
    if (object.format() == ObjectFormat.PARQUET) {
      return readParquet(object, handler);
    }
    try (CountingInputStream raw =
            new CountingInputStream(
                Channels.newInputStream(
                    FileSystems.open(FileSystems.matchNewResource(object.uri(), false))));
        InputStream text = new GunzipInputStream(raw, bufferBytes)) {
      try {
        return reader.read(text, handler).fetched(raw.count);
      } catch (ZipException e) {
        throw new CorruptObjectException("not valid gzip data: " + e.getMessage(), e);
      } catch (EOFException e) {
        if (raw.count >= object.size()) {
          throw new CorruptObjectException("truncated gzip data: " + e.getMessage(), e);
        }
        throw new IOException(
            object.uri() + " ended after " + raw.count + " of " + object.size() + " bytes", e);
      }
    } catch (ZipException e) {
      throw new CorruptObjectException("not gzip data: " + e.getMessage(), e);
    } catch (EOFException e) {
      throw new CorruptObjectException("too short for gzip data: " + e.getMessage(), e);
    }
  }

  private ObjectParseResult readParquet(PlannedObject object, RecordHandler handler)
      throws IOException, CorruptObjectException {
    if (parquet == null) {
      parquet = new ParquetFlowLogReader(maxLineBytes);
    }
    BeamInputFile file = new BeamInputFile(object.uri(), object.size(), this::wholeObject);
    try {
      return parquet.read(file, handler).fetched(file.bytesFetched());
    } catch (UnreadableParquetException e) {
      if (file.storeFailure() != null) {
        throw file.storeFailure();
      }
      throw new CorruptObjectException("not readable Parquet: " + e.getMessage(), e);
    }
  }

  /**
   * This reader's array for a small Parquet object of {@code size} bytes, grown with room to spare
   * when too short.
   */
  private byte[] wholeObject(int size) {
    if (wholeObjectBytes.length < size) {
      wholeObjectBytes =
          new byte[(int) Math.min(size + (long) size / 8, BeamInputFile.WHOLE_READ_BYTES)];
    }
    return wholeObjectBytes;
  }

  /** Counts the compressed bytes actually delivered by the store. */
  private static final class CountingInputStream extends FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
