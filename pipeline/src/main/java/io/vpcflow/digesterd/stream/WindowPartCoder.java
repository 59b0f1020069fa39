package io.vpcflow.digesterd.stream;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * Encodes a {@link WindowPart}; deterministic. Parts are also saved in the stream's folder in this
 * form, so it decodes the form of the earlier releases too (one object per part, no object count:
 * it began with the window start's varint, whose first byte is never 0 for a window after 1970),
 * and today's form begins with a 0 byte.
 */
public final class WindowPartCoder extends AtomicCoder<WindowPart> {
  private static final long serialVersionUID = 1L;
  private static final WindowPartCoder INSTANCE = new WindowPartCoder();
  private static final int FORMAT = 0;
  private static final VarLongCoder LONG = VarLongCoder.of();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final ByteArrayCoder BYTES = ByteArrayCoder.of();

  public static WindowPartCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(WindowPart value, OutputStream out) throws IOException {
    out.write(FORMAT);
    LONG.encode(value.windowStart(), out);
    STRING.encode(value.objectKey(), out);
    LONG.encode(value.objects(), out);
    LONG.encode(value.objectBytes(), out);
    LONG.encode(value.textBytes(), out);
    LONG.encode(value.records(), out);
    BYTES.encode(value.run(), out);
  }

  @Override
  public WindowPart decode(InputStream in) throws IOException {
    int first = in.read();
    if (first < 0) {
      throw new EOFException("no window part");
    }
    if (first != FORMAT) {
      return new WindowPart(
          restOfVarLong(first, in),
          STRING.decode(in),
          1,
          LONG.decode(in),
          LONG.decode(in),
          LONG.decode(in),
          BYTES.decode(in));
    }
    return new WindowPart(
        LONG.decode(in),
        STRING.decode(in),
        LONG.decode(in),
        LONG.decode(in),
        LONG.decode(in),
        LONG.decode(in),
        BYTES.decode(in));
  }

  /** The unsigned varint whose first byte, {@code first}, was read already. */
  private static long restOfVarLong(int first, InputStream in) throws IOException {
    long value = first & 0x7F;
    int b = first;
    for (int shift = 7; (b & 0x80) != 0; shift += 7) {
      b = in.read();
      if (b < 0 || shift > 63) {
        throw new EOFException("a window part's window start is cut short");
      }
      value |= (long) (b & 0x7F) << shift;
    }
    return value;
  }

  @Override
  public void verifyDeterministic() {}
}
