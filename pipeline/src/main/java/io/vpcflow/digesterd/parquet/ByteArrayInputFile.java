package io.vpcflow.digesterd.parquet;

import java.io.ByteArrayInputStream;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A Parquet {@link InputFile} held in memory; each stream reads the same bytes, not a copy. */
public final class ByteArrayInputFile implements InputFile {
  private final byte[] bytes;
  private final int length;

  /** The file {@code bytes}, which must not change while it is read. */
  public ByteArrayInputFile(byte[] bytes) {
    this(bytes, bytes.length);
  }

  /** The file {@code bytes[0, length)}, which must not change while it is read. */
  public ByteArrayInputFile(byte[] bytes, int length) {
    if (length < 0 || length > bytes.length) {
      throw new IllegalArgumentException(length + " bytes of an array of " + bytes.length);
    }
    this.bytes = bytes;
    this.length = length;
  }

  @Override
  public long getLength() {
    return length;
  }

  @Override
  public SeekableInputStream newStream() {
    return new BytesStream(new ByteArrayInputStream(bytes, 0, length), length);
  }

  private static final class BytesStream extends DelegatingSeekableInputStream {
    private final ByteArrayInputStream bytes;
    private final int length;

    BytesStream(ByteArrayInputStream bytes, int length) {
      super(bytes);
      this.bytes = bytes;
      this.length = length;
    }

    @Override
    public long getPos() {
      return length - bytes.available();
    }

    @Override
    public void seek(long newPosition) {
      bytes.reset();
      bytes.skip(newPosition);
    }
  }
}
