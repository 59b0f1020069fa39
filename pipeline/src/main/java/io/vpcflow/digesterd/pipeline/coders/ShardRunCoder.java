package io.vpcflow.digesterd.pipeline.coders;

import io.vpcflow.digesterd.pipeline.ShardRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CustomCoder;

/** Encodes a {@link ShardRun}: the run's bytes, then the report; deterministic. */
public final class ShardRunCoder extends CustomCoder<ShardRun> {
  private static final ShardRunCoder INSTANCE = new ShardRunCoder();

  public static ShardRunCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(ShardRun value, OutputStream out) throws IOException {
    ByteArrayCoder.of().encode(value.run(), out);
    ReadReportCoder.of().encode(value.report(), out);
  }

  @Override
  public ShardRun decode(InputStream in) throws IOException {
    return new ShardRun(ByteArrayCoder.of().decode(in), ReadReportCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
