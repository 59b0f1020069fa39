package io.vpcflow.digesterd.pipeline.coders;

import io.vpcflow.digesterd.pipeline.MergedPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** Encodes a {@link MergedPart}: range, location, bytes, lines. */
public final class MergedPartCoder extends AtomicCoder<MergedPart> {
  private static final MergedPartCoder INSTANCE = new MergedPartCoder();

  public static MergedPartCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(MergedPart value, OutputStream out) throws IOException {
    VarIntCoder.of().encode(value.range(), out);
    StringUtf8Coder.of().encode(value.location(), out);
    VarLongCoder.of().encode(value.bytes(), out);
    VarLongCoder.of().encode(value.lines(), out);
  }

  @Override
  public MergedPart decode(InputStream in) throws IOException {
    return new MergedPart(
        VarIntCoder.of().decode(in),
        StringUtf8Coder.of().decode(in),
        VarLongCoder.of().decode(in),
        VarLongCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
