package io.vpcflow.digesterd.pipeline.coders;

import io.vpcflow.digesterd.digest.DigestChunk;
import io.vpcflow.digesterd.digest.DigestKey;
import io.vpcflow.digesterd.digest.DigestTotals;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** Encodes a {@link DigestChunk} as a count and its (key, totals) pairs in order. */
public final class DigestChunkCoder extends CustomCoder<DigestChunk> {
  private static final DigestChunkCoder INSTANCE = new DigestChunkCoder();
  private static final VarIntCoder INT = VarIntCoder.of();

  public static DigestChunkCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(DigestChunk chunk, OutputStream out) throws IOException {
    INT.encode(chunk.size(), out);
    for (int i = 0; i < chunk.size(); i++) {
      DigestKeyCoder.of().encode(chunk.key(i), out);
      DigestTotalsCoder.of().encode(chunk.totals(i), out);
    }
  }

  @Override
  public DigestChunk decode(InputStream in) throws IOException {
    int size = INT.decode(in);
    List<DigestKey> keys = new ArrayList<>(size);
    List<DigestTotals> totals = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      keys.add(DigestKeyCoder.of().decode(in));
      totals.add(DigestTotalsCoder.of().decode(in));
    }
    return new DigestChunk(keys, totals);
  }

  @Override
  public void verifyDeterministic() {}
}
