package io.vpcflow.digesterd.pipeline.coders;

import io.vpcflow.digesterd.digest.DigestTotals;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.BigEndianLongCoder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** Encodes {@link DigestTotals} as four longs; deterministic. */
public final class DigestTotalsCoder extends CustomCoder<DigestTotals> {
  private static final DigestTotalsCoder INSTANCE = new DigestTotalsCoder();
  private static final VarLongCoder VAR = VarLongCoder.of();
  private static final BigEndianLongCoder FIXED = BigEndianLongCoder.of();

  public static DigestTotalsCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(DigestTotals value, OutputStream out) throws IOException {
    VAR.encode(value.packets(), out);
    VAR.encode(value.bytes(), out);
    FIXED.encode(value.minStart(), out);
    FIXED.encode(value.maxEnd(), out);
  }

  @Override
  public DigestTotals decode(InputStream in) throws IOException {
    return new DigestTotals(VAR.decode(in), VAR.decode(in), FIXED.decode(in), FIXED.decode(in));
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
