package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.RunFile;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.FileSystems;

/**
 * A file (a run, a part) reached through Beam's filesystems: the local file or the S3 object is
 * read from an offset (on S3, a ranged GET), never from its start unless asked. A stream of an S3
 * object reads it in chunks of {@link #REMOTE_CHUNK_BYTES}, each a request of its own, so that a
 * merge reading many runs at once does not hold one HTTP connection per run (the client's pool is
 * bounded); a local file is read through one open channel.
 */
final class RangedBeamFile implements RunFile.Source {
  private static final int BUFFER_BYTES = 64 * 1024;

  /** The bytes each request reads of a remote file's stream. */
  static final int REMOTE_CHUNK_BYTES = 512 * 1024;

  private final String resourceName;
  private final long size;

  /** The run file {@code resourceName}, of {@code size} bytes (as its descriptor says). */
  RangedBeamFile(String resourceName, long size) {
    this.resourceName = resourceName;
    this.size = size;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public byte[] read(long offset, int length) throws IOException {
    try (SeekableByteChannel channel = openAt(offset)) {
      ByteBuffer buffer = ByteBuffer.allocate(length);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          throw new EOFException(resourceName + " ends before byte " + (offset + length));
        }
      }
      return buffer.array();
    }
  }

  @Override
  public InputStream open(long offset, long length) throws IOException {
    if (isRemote()) {
      long[] next = {offset, length};
      return new ChunkStream(
          () -> {
            int n = (int) Math.min(REMOTE_CHUNK_BYTES, next[1]);
            if (n == 0) {
              return null;
            }
            byte[] chunk = read(next[0], n);
            next[0] += n;
            next[1] -= n;
            return chunk;
          },
          null);
    }
    InputStream in = Channels.newInputStream(openAt(offset));
    long[] remaining = {length};
    return new ChunkStream(
        () -> {
          byte[] chunk = in.readNBytes((int) Math.min(BUFFER_BYTES, remaining[0]));
          remaining[0] -= chunk.length;
          return chunk.length == 0 ? null : chunk;
        },
        in);
  }

  private boolean isRemote() {
    return resourceName.contains("://") && !resourceName.startsWith("file://");
  }

  private SeekableByteChannel openAt(long offset) throws IOException {
    SeekableByteChannel channel =
        (SeekableByteChannel) FileSystems.open(FileSystems.matchNewResource(resourceName, false));
    if (offset > 0) {
      channel.position(offset);
    }
    return channel;
  }

  /** The next chunk of a stream; null at its end. */
  @FunctionalInterface
  private interface Chunks {
    byte[] next() throws IOException;
  }

  /**
   * A stream read one chunk at a time (not thread-safe); closing closes {@code closing}, if any.
   */
  private static final class ChunkStream extends InputStream {
    private final Chunks chunks;
    private final InputStream closing;
    private byte[] chunk = new byte[0];
    private int position;

    ChunkStream(Chunks chunks, InputStream closing) {
      this.chunks = chunks;
      this.closing = closing;
    }

    private boolean fill() throws IOException {
      byte[] next = chunks.next();
      if (next == null) {
        return false;
      }
      chunk = next;
      position = 0;
      return true;
    }

    @Override
    public int read() throws IOException {
      if (position == chunk.length && !fill()) {
        return -1;
      }
      return chunk[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (position == chunk.length && !fill()) {
        return -1;
      }
      int n = Math.min(len, chunk.length - position);
      System.arraycopy(chunk, position, b, off, n);
      position += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      if (closing != null) {
        closing.close();
      }
    }
  }
}
