package io.vpcflow.digesterd.parquet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression for Parquet flow logs without Hadoop's codecs: GZIP (AWS's default for flow
 * logs) with java.util.zip, SNAPPY with snappy-java, and uncompressed pages. Pages are compressed
 * through {@link CompressionCodecFactory} (for parquet-java's writer) and decompressed through
 * {@link #decompress}. A page of another codec, or one claiming more than {@link #MAX_PAGE_BYTES}
 * once decompressed, fails with an {@link IOException} naming it, so no page header can make the
 * reader allocate without bound. GZIP pages share one {@link PageGunzip}: an instance serves one
 * reader at a time, like the reader it is made for.
 */
final class ParquetCodecs implements CompressionCodecFactory {
  /** The largest decompressed page read; Parquet writers default to pages of about 1 MiB. */
  static final int MAX_PAGE_BYTES = 64 << 20;

  private final PageGunzip gunzip = new PageGunzip();

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return new Compressor(codec);
  }

  /**
   * Not offered: pages are read through {@link #decompress}, into arrays the reader reuses.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    throw new UnsupportedOperationException("pages are read through ParquetCodecs.decompress");
  }

  @Override
  public void release() {}

  /**
   * The page {@code bytes[from, to)} compressed with {@code codec}, decompressed: exactly {@code
   * size} bytes, else an {@link IOException} saying what it holds. They are written to the start of
   * an array {@code buffer} gives, asked for at least {@code size} bytes once {@code size} is known
   * to be at most {@link #MAX_PAGE_BYTES}, or for an uncompressed page are {@code bytes[from, to)}
   * itself.
   *
   * @throws IOException also what {@code buffer} throws
   */
  PageBytes decompress(
      CompressionCodecName codec, byte[] bytes, int from, int to, int size, PageArray buffer)
      throws IOException {
    if (size < 0 || size > MAX_PAGE_BYTES) {
      throw new IOException(
          "a page claims " + size + " bytes uncompressed (at most " + MAX_PAGE_BYTES + " read)");
    }
    if (codec == CompressionCodecName.UNCOMPRESSED) {
      if (to - from != size) {
        throw new IOException(
            "an uncompressed page holds " + (to - from) + " bytes, its header says " + size);
      }
      return new PageBytes(bytes, from, to);
    }
    if (codec != CompressionCodecName.GZIP && codec != CompressionCodecName.SNAPPY) {
      throw new IOException("pages compressed with " + codec + " are not supported");
    }
    byte[] output = buffer.of(size);
    if (codec == CompressionCodecName.GZIP) {
      gunzip.gunzip(bytes, from, to, output, size);
    } else {
      unsnappy(bytes, from, to, output, size);
    }
    return new PageBytes(output, 0, size);
  }

  /** Gives the array a page is decompressed into. */
  interface PageArray {
    /** An array of at least {@code size} bytes. */
    byte[] of(int size) throws IOException;
  }

  private static void unsnappy(byte[] bytes, int from, int to, byte[] output, int size)
      throws IOException {
    if (!Snappy.isValidCompressedBuffer(bytes, from, to - from)
        || Snappy.uncompressedLength(bytes, from, to - from) != size) {
      throw new IOException("a SNAPPY page is not valid snappy data of " + size + " bytes");
    }
    Snappy.uncompress(bytes, from, to - from, output, 0);
  }

  private static final class Compressor implements BytesInputCompressor {
    private final CompressionCodecName codec;

    Compressor(CompressionCodecName codec) {
      this.codec = codec;
    }

    @Override
    public BytesInput compress(BytesInput page) throws IOException {
      byte[] input = page.toByteArray();
      return switch (codec) {
        case UNCOMPRESSED -> BytesInput.from(input);
        case GZIP -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 4 + 64);
          try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(input);
          }
          yield BytesInput.from(out.toByteArray());
        }
        case SNAPPY -> BytesInput.from(Snappy.compress(input));
        default -> throw new IOException("writing " + codec + " pages is not supported");
      };
    }

    @Override
    public CompressionCodecName getCodecName() {
      return codec;
    }

    @Override
    public void release() {}
  }
}
