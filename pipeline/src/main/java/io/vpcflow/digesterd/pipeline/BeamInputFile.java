package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.parquet.ByteArrayInputFile;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.function.IntFunction;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet {@link InputFile} over an object reached through Beam's filesystems. An object of at
 * most {@link #WHOLE_READ_BYTES} is fetched whole in one request into the caller's array and read
 * from memory (a ranged GET costs as much as a small object). A larger one is read through the
 * object's channel: each seek moves it, so on S3 every jump (to the footer, to a row group's
 * columns) is a ranged GET and the columns not read are never fetched. Remembers whether the store
 * failed (an error of the channel, or an object that ends before its listed size), which the caller
 * tells from a broken file, and counts the bytes fetched.
 */
final class BeamInputFile implements InputFile {
  /** Objects up to this size are fetched whole. */
  static final int WHOLE_READ_BYTES = 4 << 20;

  private final String uri;
  private final long size;
  private final IntFunction<byte[]> wholeArray;
  private IOException storeFailure;
  private long bytesFetched;

  /**
   * The object {@code uri}, of {@code size} bytes as listed; when it is at most {@link
   * #WHOLE_READ_BYTES}, fetched whole into the array {@code wholeArray} gives for its size, which
   * holds at least that many bytes.
   */
  BeamInputFile(String uri, long size, IntFunction<byte[]> wholeArray) {
    this.uri = uri;
    this.size = size;
    this.wholeArray = wholeArray;
  }

  @Override
  public long getLength() {
    return size;
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    SeekableByteChannel channel;
    try {
      channel = (SeekableByteChannel) FileSystems.open(FileSystems.matchNewResource(uri, false));
    } catch (IOException e) {
      throw storeFailed(e);
    }
    ChannelStream stream = new ChannelStream(channel);
    if (size > WHOLE_READ_BYTES) {
      return stream;
    }
    try (stream) {
      byte[] whole = wholeArray.apply((int) size);
      stream.readFully(ByteBuffer.wrap(whole, 0, (int) size));
      return new ByteArrayInputFile(whole, (int) size).newStream();
    }
  }

  /** The store's failure while the file was read; null when it did not fail. */
  IOException storeFailure() {
    return storeFailure;
  }

  /** The bytes fetched from the store so far. */
  long bytesFetched() {
    return bytesFetched;
  }

  private IOException storeFailed(IOException e) {
    if (storeFailure == null) {
      storeFailure = e;
    }
    return e;
  }

  private final class ChannelStream extends SeekableInputStream {
    private final SeekableByteChannel channel;
    private long position;

    ChannelStream(SeekableByteChannel channel) {
      this.channel = channel;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void seek(long newPosition) throws IOException {
      if (newPosition != position) {
        try {
          channel.position(newPosition);
        } catch (IOException e) {
          throw storeFailed(e);
        }
        position = newPosition;
      }
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public int read(ByteBuffer buffer) throws IOException {
      if (!buffer.hasRemaining()) {
        return 0;
      }
      int n;
      try {
        n = channel.read(buffer);
      } catch (IOException e) {
        throw storeFailed(e);
      }
      if (n > 0) {
        position += n;
        bytesFetched += n;
      }
      return n;
    }

    @Override
    public void readFully(byte[] b) throws IOException {
      readFully(ByteBuffer.wrap(b));
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
      readFully(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public void readFully(ByteBuffer buffer) throws IOException {
      while (buffer.hasRemaining()) {
        if (read(buffer) < 0) {
          if (position < size) {
            throw storeFailed(
                new IOException(uri + " ended after " + position + " of " + size + " bytes"));
          }
          throw new EOFException("read past the end of the file, at byte " + position);
        }
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
