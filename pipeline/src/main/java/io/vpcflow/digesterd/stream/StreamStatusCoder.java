package io.vpcflow.digesterd.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * Encodes a {@link StreamStatus} as its JSON text ({@link StreamStatusJson}); not deterministic
 * (JSON field order is not part of its contract).
 */
public final class StreamStatusCoder extends CustomCoder<StreamStatus> {
  private static final long serialVersionUID = 1L;
  private static final StreamStatusCoder INSTANCE = new StreamStatusCoder();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();

  public static StreamStatusCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(StreamStatus value, OutputStream out) throws IOException {
    STRING.encode(StreamStatusJson.write(value), out);
  }

  @Override
  public StreamStatus decode(InputStream in) throws IOException {
    return StreamStatusJson.read(STRING.decode(in));
  }

  /** Equal to any other instance: the coder has no parameters. */
  @Override
  public boolean equals(Object other) {
    return other instanceof StreamStatusCoder;
  }

  @Override
  public int hashCode() {
    return StreamStatusCoder.class.hashCode();
  }
}
