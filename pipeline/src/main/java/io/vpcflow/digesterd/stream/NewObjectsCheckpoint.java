package io.vpcflow.digesterd.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.UnboundedSource;

/**
 * Where {@link NewObjectsSource}'s reader was when a runner checkpointed it: the keys of the
 * objects it had handed out (and still lists) and its watermark. Objects it had listed but not
 * handed out are not in it; a restored reader lists them again. Nothing to finalise.
 *
 * @param emitted the keys handed out, sorted
 * @param watermark the reader's watermark, if it had one
 */
record NewObjectsCheckpoint(Set<String> emitted, Optional<Instant> watermark)
    implements UnboundedSource.CheckpointMark, Serializable {

  NewObjectsCheckpoint {
    emitted = new TreeSet<>(emitted);
  }

  @Override
  public void finalizeCheckpoint() {}

  /**
   * Encodes a checkpoint: the sorted keys, then the watermark in milliseconds or -1; deterministic.
   */
  static final class Coder extends AtomicCoder<NewObjectsCheckpoint> {
    private static final long serialVersionUID = 1L;
    private static final StringUtf8Coder KEY = StringUtf8Coder.of();
    private static final VarIntCoder COUNT = VarIntCoder.of();
    private static final VarLongCoder MILLIS = VarLongCoder.of();

    @Override
    public void encode(NewObjectsCheckpoint value, OutputStream out) throws IOException {
      COUNT.encode(value.emitted().size(), out);
      for (String key : value.emitted()) {
        KEY.encode(key, out);
      }
      MILLIS.encode(value.watermark().map(Instant::toEpochMilli).orElse(-1L), out);
    }

    @Override
    public NewObjectsCheckpoint decode(InputStream in) throws IOException {
      int count = COUNT.decode(in);
      Set<String> keys = new TreeSet<>();
      for (int i = 0; i < count; i++) {
        keys.add(KEY.decode(in));
      }
      long millis = MILLIS.decode(in);
      return new NewObjectsCheckpoint(
          keys, millis < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis)));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
