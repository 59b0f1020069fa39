package io.vpcflow.digesterd.pipeline.coders;

import io.vpcflow.digesterd.pipeline.ShardPartial;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;

/** Encodes a {@link ShardPartial}: its chunk, then its report; deterministic. */
public final class ShardPartialCoder extends CustomCoder<ShardPartial> {
  private static final ShardPartialCoder INSTANCE = new ShardPartialCoder();

  public static ShardPartialCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(ShardPartial value, OutputStream out) throws IOException {
    DigestChunkCoder.of().encode(value.chunk(), out);
    ReadReportCoder.of().encode(value.report(), out);
  }

  @Override
  public ShardPartial decode(InputStream in) throws IOException {
    return new ShardPartial(DigestChunkCoder.of().decode(in), ReadReportCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
