package io.vpcflow.digesterd.pipeline.coders;

import io.vpcflow.digesterd.layout.PlannedObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** Encodes a {@link PlannedObject}; deterministic. */
public final class PlannedObjectCoder extends AtomicCoder<PlannedObject> {
  private static final PlannedObjectCoder INSTANCE = new PlannedObjectCoder();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final VarLongCoder LONG = VarLongCoder.of();

  public static PlannedObjectCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(PlannedObject value, OutputStream out) throws IOException {
    STRING.encode(value.uri(), out);
    STRING.encode(value.key(), out);
    LONG.encode(value.size(), out);
    LONG.encode(value.timestamp().getEpochSecond(), out);
  }

  @Override
  public PlannedObject decode(InputStream in) throws IOException {
    return new PlannedObject(
        STRING.decode(in),
        STRING.decode(in),
        LONG.decode(in),
        Instant.ofEpochSecond(LONG.decode(in)));
  }

  @Override
  public void verifyDeterministic() {}
}
