package io.vpcflow.digesterd.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** Encodes a {@link WindowPart}; deterministic. */
public final class WindowPartCoder extends AtomicCoder<WindowPart> {
  private static final long serialVersionUID = 1L;
  private static final WindowPartCoder INSTANCE = new WindowPartCoder();
  private static final VarLongCoder LONG = VarLongCoder.of();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final ByteArrayCoder BYTES = ByteArrayCoder.of();

  public static WindowPartCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(WindowPart value, OutputStream out) throws IOException {
    LONG.encode(value.windowStart(), out);
    STRING.encode(value.objectKey(), out);
    LONG.encode(value.objectBytes(), out);
    LONG.encode(value.textBytes(), out);
    LONG.encode(value.records(), out);
    BYTES.encode(value.run(), out);
  }

  @Override
  public WindowPart decode(InputStream in) throws IOException {
    return new WindowPart(
        LONG.decode(in),
        STRING.decode(in),
        LONG.decode(in),
        LONG.decode(in),
        LONG.decode(in),
        BYTES.decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
