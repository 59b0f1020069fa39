package io.vpcflow.digesterd.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** Encodes a {@link StatusEvent}; deterministic. */
public final class StatusEventCoder extends AtomicCoder<StatusEvent> {
  private static final long serialVersionUID = 1L;
  private static final StatusEventCoder INSTANCE = new StatusEventCoder();
  private static final VarIntCoder INT = VarIntCoder.of();
  private static final VarLongCoder LONG = VarLongCoder.of();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();

  public static StatusEventCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(StatusEvent value, OutputStream out) throws IOException {
    INT.encode(value.kind().ordinal(), out);
    LONG.encode(value.window(), out);
    STRING.encode(value.objectKey(), out);
    LONG.encode(value.stamp().toEpochMilli(), out);
    LONG.encode(value.eventTime().toEpochMilli(), out);
    LONG.encode(value.objects(), out);
    LONG.encode(value.records(), out);
  }

  @Override
  public StatusEvent decode(InputStream in) throws IOException {
    return new StatusEvent(
        StatusEvent.Kind.values()[INT.decode(in)],
        LONG.decode(in),
        STRING.decode(in),
        Instant.ofEpochMilli(LONG.decode(in)),
        Instant.ofEpochMilli(LONG.decode(in)),
        LONG.decode(in),
        LONG.decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
