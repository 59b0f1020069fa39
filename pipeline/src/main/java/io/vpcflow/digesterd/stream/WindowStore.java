package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * What the stream's window closing reads and writes: a window's digest and {@code <id>.json}, the
 * late records counted in it, and the window's saved parts. {@link StoredWindows} keeps them in the
 * storage and the stream's folder.
 */
interface WindowStore extends Serializable {
  /**
   * Opens what the store reads and writes with, with {@code options}, unless it is open already;
   * called from a DoFn's {@code @StartBundle}, before any other method.
   */
  void open(PipelineOptions options);

  /** Closes what {@link #open} opened; called from a DoFn's {@code @Teardown}. */
  void close();

  /**
   * Whether {@code window} has a successful digest already (built by a POST, or before a restart).
   */
  boolean hasDigest(DigestWindow window) throws IOException;

  /**
   * Writes {@code window}'s digest of {@code parts} and its summary, the window opened at {@code
   * openedAt} and closed at {@code closedAt}; returns its number of keys.
   */
  long writeDigest(DigestWindow window, List<WindowPart> parts, Instant openedAt, Instant closedAt)
      throws IOException;

  /** Adds {@code records} late records to {@code window}'s summary, if the window has a digest. */
  void countLate(DigestWindow window, long records) throws IOException;

  /** Deletes the parts saved for the window starting at {@code windowStart}. */
  void deleteParts(long windowStart) throws IOException;
}
