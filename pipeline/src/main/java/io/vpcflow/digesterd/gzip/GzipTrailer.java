package io.vpcflow.digesterd.gzip;

import java.util.zip.ZipException;

/** The trailer of a GZIP member (RFC 1952): the CRC32 of its data, then its length mod 2^32. */
public final class GzipTrailer {
  /** The trailer's size. */
  public static final int BYTES = 8;

  private GzipTrailer() {}

  /**
   * Checks the trailer at {@code in[at, at + 8)} against the member's data.
   *
   * @param crc the CRC32 of the member's data
   * @param length the member's data length (only its low 32 bits are stored)
   * @param member names the member in the errors ("a GZIP page", "GZIP member 2")
   * @throws ZipException when the trailer gives another CRC32 or length
   */
  public static void check(byte[] in, int at, long crc, long length, String member)
      throws ZipException {
    if (int32(in, at) != (int) crc) {
      throw new ZipException(member + " fails its CRC32 check");
    }
    if (int32(in, at + 4) != (int) length) {
      throw new ZipException(member + "'s trailer gives another length than it holds");
    }
  }

  private static int int32(byte[] b, int at) {
    return (b[at] & 0xff)
        | (b[at + 1] & 0xff) << 8
        | (b[at + 2] & 0xff) << 16
        | (b[at + 3] & 0xff) << 24;
  }
}
