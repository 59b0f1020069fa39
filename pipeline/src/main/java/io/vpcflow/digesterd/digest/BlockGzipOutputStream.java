package io.vpcflow.digesterd.digest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip on several threads: the input is cut into fixed-size blocks, each compressed on its own
 * into a complete gzip member, and the members are written in order. A sequence of members is a
 * valid gzip stream (RFC 1952) that gzip, zcat, Java, Go and Python read as one text. The output
 * depends only on the input and the block size, never on timing or thread count. Not
 * thread-safe; {@link #finish()} ends the gzip stream, {@link #close()} also closes the target.
 */
public final class BlockGzipOutputStream extends OutputStream {
  /** The block size used by the digest writer. */
  public static final int DEFAULT_BLOCK_BYTES = 1 << 20;

  private final OutputStream target;
  private final int blockBytes;
  private final ExecutorService pool;
  private final int maxInFlight;
  private final Deque<Future<byte[]>> inFlight = new ArrayDeque<>();
  private byte[] block;
  private int filled;
  private boolean closed;

  /** Compresses into {@code target} with {@code threads} threads and blocks of {@code blockBytes}. */
  public BlockGzipOutputStream(OutputStream target, int threads, int blockBytes) {
    if (threads < 1 || blockBytes < 1) {
      throw new IllegalArgumentException("threads and block size must be positive");
    }
    this.target = target;
    this.blockBytes = blockBytes;
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "block-gzip");
              t.setDaemon(true);
              return t;
            });
    this.maxInFlight = 2 * threads;
    this.block = new byte[blockBytes];
  }

  @Override
  public void write(int b) throws IOException {
    if (filled == blockBytes) {
      submit();
    }
    block[filled++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int off, int len) throws IOException {
    while (len > 0) {
      if (filled == blockBytes) {
        submit();
      }
      int n = Math.min(len, blockBytes - filled);
      System.arraycopy(bytes, off, block, filled, n);
      filled += n;
      off += n;
      len -= n;
    }
  }

  private void submit() throws IOException {
    byte[] full = block;
    int length = filled;
    inFlight.add(pool.submit(() -> compress(full, length)));
    block = new byte[blockBytes];
    filled = 0;
    while (inFlight.size() >= maxInFlight) {
      drainOne();
    }
  }

  private static byte[] compress(byte[] data, int length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length / 3 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
      gzip.write(data, 0, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void drainOne() throws IOException {
    try {
      target.write(inFlight.removeFirst().get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while compressing");
    } catch (ExecutionException e) {
      throw new IOException("compression failed", e.getCause());
    }
  }

  /**
   * Writes every pending block and stops the compression threads, leaving the target open. An
   * empty input gives one empty member. Nothing may be written afterwards.
   */
  public void finish() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (filled > 0 || inFlight.isEmpty()) {
        submit();
      }
      while (!inFlight.isEmpty()) {
        drainOne();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Stops the compression threads without writing what is pending; for failed writes. */
  public void abort() {
    closed = true;
    inFlight.clear();
    pool.shutdownNow();
  }

  @Override
  public void close() throws IOException {
    finish();
    target.close();
  }
}
