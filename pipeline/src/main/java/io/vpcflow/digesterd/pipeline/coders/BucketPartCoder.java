package io.vpcflow.digesterd.pipeline.coders;

import io.vpcflow.digesterd.pipeline.BucketPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** Encodes a {@link BucketPart}; deterministic. */
public final class BucketPartCoder extends CustomCoder<BucketPart> {
  private static final BucketPartCoder INSTANCE = new BucketPartCoder();

  public static BucketPartCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(BucketPart value, OutputStream out) throws IOException {
    VarIntCoder.of().encode(value.bucket(), out);
    StringUtf8Coder.of().encode(value.uri(), out);
    VarLongCoder.of().encode(value.lines(), out);
    ReadReportCoder.of().encode(value.report(), out);
  }

  @Override
  public BucketPart decode(InputStream in) throws IOException {
    return new BucketPart(
        VarIntCoder.of().decode(in),
        StringUtf8Coder.of().decode(in),
        VarLongCoder.of().decode(in),
        ReadReportCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
