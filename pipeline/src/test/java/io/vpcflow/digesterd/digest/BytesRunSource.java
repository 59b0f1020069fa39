package io.vpcflow.digesterd.digest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;

/** A run file held in memory, for tests; counts the bytes streamed from it. */
final class BytesRunSource implements RunFile.Source {
  private final byte[] bytes;
  long streamedFrom = -1;

  BytesRunSource(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public long size() {
    return bytes.length;
  }

  @Override
  public byte[] read(long offset, int length) {
    return Arrays.copyOfRange(bytes, (int) offset, (int) offset + length);
  }

  @Override
  public InputStream open(long offset, long length) {
    streamedFrom = offset;
    return new ByteArrayInputStream(bytes, (int) offset, (int) length);
  }
}
