package io.vpcflow.digesterd.digest;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes bytes on to another stream and counts them. Not thread-safe. */
public final class CountingOutputStream extends FilterOutputStream {
  private long count;

  /** Counts what is written to {@code out}. */
  public CountingOutputStream(OutputStream out) {
    super(out);
  }

  /** The bytes written so far. */
  public long count() {
    return count;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    count += len;
  }
}
