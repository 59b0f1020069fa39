package io.vpcflow.digesterd.gzip;

import java.util.zip.CRC32;
import java.util.zip.ZipException;

/**
 * The header of a GZIP member (RFC 1952): the magic, the compression method (deflate), and the
 * optional extra field, file name, comment and header CRC16 its flags announce. Checks what {@link
 * java.util.zip.GZIPInputStream} checks: the magic, the method, the CRC16 when flagged.
 */
public final class GzipHeader {
  /** {@link #end}'s answer when the bytes given hold only the start of a header. */
  public static final int INCOMPLETE = -1;

  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int FIXED_BYTES = 10;

  private GzipHeader() {}

  /**
   * Whether {@code in[at, to)} holds bytes and starts as a member does: its first bytes, up to two,
   * are the GZIP magic's (one byte may be a member cut short).
   */
  public static boolean startsMember(byte[] in, int at, int to) {
    return to > at && (in[at] & 0xff) == 0x1f && (to - at == 1 || (in[at + 1] & 0xff) == 0x8b);
  }

  /**
   * The offset just after the member header that starts at {@code in[at]}, or {@link #INCOMPLETE}
   * when {@code in[at, to)} holds only its start.
   *
   * @param crc used to check the header's CRC16; reset before use
   * @throws ZipException when the bytes are not a GZIP header, name another compression method than
   *     deflate, or fail the header's CRC16
   */
  public static int end(byte[] in, int at, int to, CRC32 crc) throws ZipException {
    int available = to - at;
    if (available > 0 && !startsMember(in, at, to)) {
      throw new ZipException("not GZIP data: no GZIP magic at the start of a member");
    }
    if (available >= 3 && in[at + 2] != 8) {
      throw new ZipException("GZIP data of unsupported compression method " + in[at + 2]);
    }
    if (available < FIXED_BYTES) {
      return INCOMPLETE;
    }
    int flags = in[at + 3] & 0xff;
    int pos = at + FIXED_BYTES;
    if ((flags & FEXTRA) != 0) {
      if (to - pos < 2) {
        return INCOMPLETE;
      }
      pos += 2 + uint16(in, pos);
      if (pos > to) {
        return INCOMPLETE;
      }
    }
    if ((flags & FNAME) != 0) {
      pos = afterZero(in, pos, to);
      if (pos == INCOMPLETE) {
        return INCOMPLETE;
      }
    }
    if ((flags & FCOMMENT) != 0) {
      pos = afterZero(in, pos, to);
      if (pos == INCOMPLETE) {
        return INCOMPLETE;
      }
    }
    if ((flags & FHCRC) != 0) {
      if (to - pos < 2) {
        return INCOMPLETE;
      }
      crc.reset();
      crc.update(in, at, pos - at);
      if (uint16(in, pos) != ((int) crc.getValue() & 0xffff)) {
        throw new ZipException("a GZIP member fails its header CRC check");
      }
      pos += 2;
    }
    return pos;
  }

  private static int afterZero(byte[] in, int at, int to) {
    for (int i = at; i < to; i++) {
      if (in[i] == 0) {
        return i + 1;
      }
    }
    return INCOMPLETE;
  }

  private static int uint16(byte[] in, int at) {
    return (in[at] & 0xff) | (in[at + 1] & 0xff) << 8;
  }
}
