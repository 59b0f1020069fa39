package io.vpcflow.digesterd.digest;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a sorted run, in memory or read ahead from a stream in blocks, for a reader that
 * takes them a byte at a time: unlike {@link java.io.ByteArrayInputStream} and {@link
 * java.io.BufferedInputStream}, no lock is taken per byte. Not for use by several threads.
 */
final class RunInput extends InputStream {
  private static final int BLOCK_BYTES = 8192;

  private final InputStream source;
  private final byte[] buffer;
  private int position;
  private int end;

  /** The bytes of {@code run}. */
  RunInput(byte[] run) {
    this.source = null;
    this.buffer = run;
    this.end = run.length;
  }

  /** The bytes of {@code source}, read ahead in blocks (closing this does not close it). */
  RunInput(InputStream source) {
    this.source = source;
    this.buffer = new byte[BLOCK_BYTES];
  }

  @Override
  public int read() throws IOException {
    if (position == end && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xFF;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position == end && !fill()) {
      return -1;
    }
    int n = Math.min(length, end - position);
    System.arraycopy(buffer, position, into, offset, n);
    position += n;
    return n;
  }

  private boolean fill() throws IOException {
    if (source == null) {
      return false;
    }
    int n = source.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    position = 0;
    end = n;
    return true;
  }
}
