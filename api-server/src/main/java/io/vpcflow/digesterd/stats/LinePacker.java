package io.vpcflow.digesterd.stats;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Packs StatsD lines into UDP payloads: lines in the order added, separated by {@code \n}, at most
 * {@code maxBytes} each; a single line longer than that is a payload of its own. Not thread-safe.
 */
final class LinePacker {
  private final int maxBytes;
  private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

  LinePacker(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Adds {@code line}; returns the payload that it no longer fits into, when it completes one. */
  Optional<byte[]> add(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    Optional<byte[]> full = Optional.empty();
    if (payload.size() > 0 && payload.size() + 1 + bytes.length > maxBytes) {
      full = drain();
    }
    if (payload.size() > 0) {
      payload.write('\n');
    }
    payload.writeBytes(bytes);
    return full;
  }

  /** The lines added since the last payload, if any, as a payload; empties the packer. */
  Optional<byte[]> drain() {
    if (payload.size() == 0) {
      return Optional.empty();
    }
    byte[] bytes = payload.toByteArray();
    payload.reset();
    return Optional.of(bytes);
  }
}
