package io.vpcflow.digesterd.gzip;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The decompressed bytes of GZIP data made of one member or several concatenated (RFC 1952), read
 * strictly: the data must end exactly after a member. Unlike {@link java.util.zip.GZIPInputStream},
 * which ends quietly at bytes after a member that do not start a well-formed one (a later member
 * cut short or damaged, trailing garbage), such bytes are an error here, so no member's records are
 * dropped unseen. Checks each member's header (as {@link GzipHeader} says), CRC32 and length. Not
 * thread-safe.
 */
public final class GunzipInputStream extends InputStream {
  /** The longest member header read (its optional fields included). */
  static final int MAX_HEADER_BYTES = 1 << 20;

  private final InputStream in;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] one = new byte[1];
  private byte[] buf;

  /** Compressed bytes read but not yet given to the inflater: {@code buf[pos, lim)}. */
  private int pos;

  private int lim;
  private int members;
  private boolean done;
  private boolean closed;

  /**
   * Reads the first member's header from {@code in}, buffering {@code bufferBytes} of it at a time.
   *
   * @throws EOFException when {@code in} ends before a whole header
   * @throws ZipException when it does not start with a GZIP header
   * @throws IOException when {@code in} fails
   */
  public GunzipInputStream(InputStream in, int bufferBytes) throws IOException {
    if (bufferBytes <= 0) {
      throw new IllegalArgumentException("a buffer of " + bufferBytes + " bytes");
    }
    this.in = in;
    this.buf = new byte[bufferBytes];
    startMember();
  }

  @Override
  public int read() throws IOException {
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  /**
   * @throws EOFException when the data ends inside a member
   * @throws ZipException when a member is corrupt, or bytes after a member do not start one
   */
  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("the stream is closed");
    }
    if (off < 0 || len < 0 || len > b.length - off) {
      throw new IndexOutOfBoundsException();
    }
    if (len == 0) {
      return 0;
    }
    while (!done) {
      int n;
      try {
        n = inflater.inflate(b, off, len);
      } catch (DataFormatException e) {
        throw new ZipException("corrupt GZIP member " + members + ": " + e.getMessage());
      }
      if (n > 0) {
        crc.update(b, off, n);
        return n;
      }
      if (inflater.finished()) {
        endMember();
      } else if (inflater.needsDictionary()) {
        throw new ZipException("GZIP member " + members + " needs a preset dictionary");
      } else if (inflater.needsInput()) {
        if (!fill()) {
          throw new EOFException("the data ends inside GZIP member " + members);
        }
        giveInput();
      } else {
        throw new ZipException("corrupt GZIP member " + members + ": inflating made no progress");
      }
    }
    return -1;
  }

  /** Frees the inflater and closes the underlying stream. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      inflater.end();
      in.close();
    }
  }

  /** Reads the header at {@code buf[pos]} and starts inflating the member after it. */
  private void startMember() throws IOException {
    while (true) {
      int end = GzipHeader.end(buf, pos, lim, crc);
      if (end != GzipHeader.INCOMPLETE) {
        pos = end;
        break;
      }
      if (lim - pos >= MAX_HEADER_BYTES) {
        throw new ZipException("a GZIP member header of more than " + MAX_HEADER_BYTES + " bytes");
      }
      if (!fill()) {
        throw new EOFException("the data ends inside the header of GZIP member " + (members + 1));
      }
    }
    members++;
    inflater.reset();
    crc.reset();
    giveInput();
  }

  /** Checks the finished member's trailer; then the data ends, or the next bytes start a member. */
  private void endMember() throws IOException {
    pos = lim - inflater.getRemaining();
    while (lim - pos < GzipTrailer.BYTES) {
      if (!fill()) {
        throw new EOFException("the data ends inside the trailer of GZIP member " + members);
      }
    }
    GzipTrailer.check(
        buf, pos, crc.getValue(), inflater.getBytesWritten(), "GZIP member " + members);
    pos += GzipTrailer.BYTES;
    if (pos == lim && !fill()) {
      done = true;
      return;
    }
    while (lim - pos < 2 && fill()) {}
    if (!GzipHeader.startsMember(buf, pos, lim)) {
      throw new ZipException("the bytes after GZIP member " + members + " do not start a member");
    }
    startMember();
  }

  /** Hands {@code buf[pos, lim)} to the inflater, which owns them until it needs input. */
  private void giveInput() {
    inflater.setInput(buf, pos, lim - pos);
    pos = lim;
  }

  /**
   * Reads more of {@code in} after {@code buf[pos, lim)}, moved to the front (the buffer grown when
   * it is full); false when {@code in} has ended.
   */
  private boolean fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    if (lim == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    while (true) {
      int n = in.read(buf, lim, buf.length - lim);
      if (n < 0) {
        return false;
      }
      if (n > 0) {
        lim += n;
        return true;
      }
    }
  }
}
