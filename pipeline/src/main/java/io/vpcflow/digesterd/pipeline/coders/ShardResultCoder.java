package io.vpcflow.digesterd.pipeline.coders;

import io.vpcflow.digesterd.digest.RunDescriptor;
import io.vpcflow.digesterd.pipeline.ShardResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** Encodes a {@link ShardResult}: its run descriptors, spill count and read report. */
public final class ShardResultCoder extends AtomicCoder<ShardResult> {
  private static final ShardResultCoder INSTANCE = new ShardResultCoder();
  private static final Coder<List<RunDescriptor>> RUNS = ListCoder.of(RunDescriptorCoder.of());

  public static ShardResultCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(ShardResult value, OutputStream out) throws IOException {
    RUNS.encode(value.runs(), out);
    VarIntCoder.of().encode(value.spills(), out);
    ReadReportCoder.of().encode(value.report(), out);
  }

  @Override
  public ShardResult decode(InputStream in) throws IOException {
    return new ShardResult(
        RUNS.decode(in), VarIntCoder.of().decode(in), ReadReportCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
