package io.vpcflow.digesterd.testing;

import java.io.ByteArrayOutputStream;

/** Byte-array helpers for tests. */
public final class Bytes {
  private Bytes() {}

  /** The parts, back to back. */
  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
