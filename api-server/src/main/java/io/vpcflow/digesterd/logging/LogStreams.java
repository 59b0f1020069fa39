package io.vpcflow.digesterd.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * The two streams {@code RUNTIME_LOGGER_OUTPUT} chooses between. Closing the logging never closes
 * them.
 *
 * @param stdout where {@code STDOUT} log lines go
 * @param stderr where {@code STDERR} log lines go
 */
public record LogStreams(OutputStream stdout, OutputStream stderr) {

  /**
   * The process's {@code System.out} and {@code System.err}, as they are when a line is written.
   */
  public static LogStreams system() {
    return new LogStreams(new Delegating(() -> System.out), new Delegating(() -> System.err));
  }

  /** Both outputs into {@code stream} (tests). */
  public static LogStreams both(OutputStream stream) {
    Delegating shared = new Delegating(() -> stream);
    return new LogStreams(shared, shared);
  }

  /** Writes to the current target; close only flushes. */
  private static final class Delegating extends OutputStream {
    private final Supplier<? extends OutputStream> target;

    Delegating(Supplier<? extends OutputStream> target) {
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      target.get().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target.get().write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      target.get().flush();
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
