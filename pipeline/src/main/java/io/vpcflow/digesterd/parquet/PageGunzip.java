package io.vpcflow.digesterd.parquet;

import io.vpcflow.digesterd.gzip.GzipHeader;
import io.vpcflow.digesterd.gzip.GzipTrailer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Decompresses GZIP pages (RFC 1952: one member or several concatenated) straight from the page's
 * bytes into the first bytes of an array the caller gives (and may reuse), with one {@link
 * Inflater} kept for every page: a row group has a page or more per column, and a new inflater per
 * page costs more than inflating a small one. Checks each member's header ({@link GzipHeader}),
 * CRC32 and length. Bytes after the last member are ignored unless they start with the GZIP magic,
 * which makes them a member: the page's size, from its header, is checked, so no values go unseen.
 * Not thread-safe; the inflater's native memory is freed when the instance is collected.
 */
final class PageGunzip {
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] probe = new byte[1];

  /**
   * Inflates the GZIP data {@code in[from, to)} into {@code out[0, size)}; {@code out} past {@code
   * size} is left as it was.
   *
   * @throws ZipException when it is not GZIP data, is corrupt or truncated, or holds fewer or more
   *     than {@code size} bytes
   * @throws IllegalArgumentException when {@code out} is shorter than {@code size}
   */
  void gunzip(byte[] in, int from, int to, byte[] out, int size) throws ZipException {
    if (out.length < size) {
      throw new IllegalArgumentException(size + " bytes into an array of " + out.length);
    }
    int filled = 0;
    int pos = from;
    while (true) {
      pos = skipHeader(in, pos, to);
      int end = inflateMember(in, pos, to, out, filled, size);
      int produced = (int) inflater.getBytesWritten();
      checkTrailer(in, end, to, out, filled, produced);
      filled += produced;
      pos = end + GzipTrailer.BYTES;
      if (!GzipHeader.startsMember(in, pos, to)) {
        break;
      }
    }
    if (filled < size) {
      throw new ZipException("a GZIP page holds fewer bytes than its header says, " + size);
    }
  }

  /**
   * Inflates the deflate data at {@code in[from, to)} into {@code out[filled, size)}; the offset
   * just after it.
   */
  private int inflateMember(byte[] in, int from, int to, byte[] out, int filled, int size)
      throws ZipException {
    inflater.reset();
    inflater.setInput(in, from, to - from);
    try {
      int at = filled;
      while (!inflater.finished()) {
        int n = at < size ? inflater.inflate(out, at, size - at) : inflater.inflate(probe, 0, 1);
        if (n > 0 && at == size) {
          throw new ZipException("a GZIP page holds more bytes than its header says, " + size);
        }
        at += n;
        if (n == 0 && !inflater.finished()) {
          throw new ZipException(
              inflater.needsInput()
                  ? "truncated GZIP page"
                  : inflater.needsDictionary()
                      ? "a GZIP page needs a preset dictionary"
                      : "corrupt GZIP page: inflating made no progress");
        }
      }
    } catch (DataFormatException e) {
      throw new ZipException("corrupt GZIP page: " + e.getMessage());
    }
    return to - inflater.getRemaining();
  }

  private void checkTrailer(byte[] in, int at, int to, byte[] out, int from, int length)
      throws ZipException {
    if (to - at < GzipTrailer.BYTES) {
      throw new ZipException("a GZIP page ends inside its trailer");
    }
    crc.reset();
    crc.update(out, from, length);
    GzipTrailer.check(in, at, crc.getValue(), length, "a GZIP page");
  }

  /** The offset just after the member header at {@code in[at, to)}. */
  private int skipHeader(byte[] in, int at, int to) throws ZipException {
    int end = GzipHeader.end(in, at, to, crc);
    if (end == GzipHeader.INCOMPLETE) {
      throw new ZipException(
          to == at
              ? "not GZIP data: no GZIP magic at the start of a member"
              : "a GZIP page ends inside its header");
    }
    return end;
  }
}
