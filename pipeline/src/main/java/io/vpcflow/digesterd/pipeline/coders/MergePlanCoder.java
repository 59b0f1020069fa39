package io.vpcflow.digesterd.pipeline.coders;

import io.vpcflow.digesterd.digest.RunDescriptor;
import io.vpcflow.digesterd.pipeline.MergePlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** Encodes a {@link MergePlan}: runs, range boundaries, spill count, read report, planning time. */
public final class MergePlanCoder extends AtomicCoder<MergePlan> {
  private static final MergePlanCoder INSTANCE = new MergePlanCoder();
  private static final Coder<List<RunDescriptor>> RUNS = ListCoder.of(RunDescriptorCoder.of());
  private static final Coder<List<byte[]>> BOUNDARIES = ListCoder.of(ByteArrayCoder.of());

  public static MergePlanCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(MergePlan value, OutputStream out) throws IOException {
    RUNS.encode(value.runs(), out);
    BOUNDARIES.encode(value.boundaries(), out);
    VarLongCoder.of().encode(value.spilledRuns(), out);
    ReadReportCoder.of().encode(value.report(), out);
    VarLongCoder.of().encode(value.plannedAtMillis(), out);
  }

  @Override
  public MergePlan decode(InputStream in) throws IOException {
    return new MergePlan(
        RUNS.decode(in),
        BOUNDARIES.decode(in),
        VarLongCoder.of().decode(in),
        ReadReportCoder.of().decode(in),
        VarLongCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
