package io.vpcflow.digesterd.view;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Reads a digest one record at a time: gzip'd (as stored) or plain text, told apart by the gzip
 * magic bytes. Holds one line at a time. Not thread-safe; closing closes the stream.
 */
public final class DigestReader implements RecordStream {
  private final BufferedReader in;
  private long lineNumber;

  /** Reads {@code digest}, gzip'd or plain. */
  public DigestReader(InputStream digest) throws IOException {
    this.in = lines(digest);
  }

  /** The text lines of {@code digest}, gzip'd (told by its magic bytes) or plain. */
  static BufferedReader lines(InputStream digest) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(digest, 1 << 16);
    buffered.mark(2);
    int b1 = buffered.read();
    int b2 = buffered.read();
    buffered.reset();
    InputStream text = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    return new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8), 1 << 16);
  }

  /** Skips {@code n} lines unparsed (fewer at the end of the digest). */
  void skipLines(long n) throws IOException {
    for (long i = 0; i < n && in.readLine() != null; i++) {
      lineNumber++;
    }
  }

  /**
   * The next record, or {@code null} at the end.
   *
   * @throws BadDigestException when the line is not a digest line
   */
  @Override
  public DigestRecord next() throws IOException {
    String line = in.readLine();
    if (line == null) {
      return null;
    }
    lineNumber++;
    try {
      return DigestRecord.parse(line);
    } catch (IllegalArgumentException e) {
      throw new BadDigestException(lineNumber, e.getMessage());
    }
  }

  /** The number of the line last returned (1-based; 0 before the first). */
  @Override
  public long lineNumber() {
    return lineNumber;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
