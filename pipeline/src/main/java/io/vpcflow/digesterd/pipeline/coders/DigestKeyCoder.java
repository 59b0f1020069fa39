package io.vpcflow.digesterd.pipeline.coders;

import io.vpcflow.digesterd.digest.DigestKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CustomCoder;

/** Encodes a {@link DigestKey} as its text bytes; deterministic, so usable as a grouping key. */
public final class DigestKeyCoder extends CustomCoder<DigestKey> {
  private static final DigestKeyCoder INSTANCE = new DigestKeyCoder();
  private static final ByteArrayCoder BYTES = ByteArrayCoder.of();

  public static DigestKeyCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(DigestKey value, OutputStream out) throws IOException {
    BYTES.encode(value.toBytes(), out);
  }

  @Override
  public DigestKey decode(InputStream in) throws IOException {
    return DigestKey.ofText(BYTES.decode(in));
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
