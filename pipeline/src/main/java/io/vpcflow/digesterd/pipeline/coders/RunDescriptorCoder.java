package io.vpcflow.digesterd.pipeline.coders;

import io.vpcflow.digesterd.digest.DigestKey;
import io.vpcflow.digesterd.digest.RunDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** Encodes a {@link RunDescriptor}: location, bytes, keys, then the sampled keys' texts. */
public final class RunDescriptorCoder extends AtomicCoder<RunDescriptor> {
  private static final RunDescriptorCoder INSTANCE = new RunDescriptorCoder();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final VarLongCoder LONG = VarLongCoder.of();
  private static final VarIntCoder INT = VarIntCoder.of();
  private static final ByteArrayCoder BYTES = ByteArrayCoder.of();

  public static RunDescriptorCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(RunDescriptor value, OutputStream out) throws IOException {
    STRING.encode(value.location(), out);
    LONG.encode(value.bytes(), out);
    LONG.encode(value.keys(), out);
    INT.encode(value.samples().size(), out);
    for (DigestKey sample : value.samples()) {
      BYTES.encode(sample.text(), out);
    }
  }

  @Override
  public RunDescriptor decode(InputStream in) throws IOException {
    String location = STRING.decode(in);
    long bytes = LONG.decode(in);
    long keys = LONG.decode(in);
    int count = INT.decode(in);
    List<DigestKey> samples = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      samples.add(DigestKey.ofText(BYTES.decode(in)));
    }
    return new RunDescriptor(location, bytes, keys, samples);
  }

  @Override
  public void verifyDeterministic() {}
}
