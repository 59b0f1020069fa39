package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.pipeline.SmallObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The stream's {@link ResumePoint}, kept in one object ({@code --streamState}). */
final class ResumePointFile {
  private ResumePointFile() {}

  /**
   * The resume point stored at {@code uri}, read with {@code objects}, or empty when none is
   * stored.
   *
   * @throws IllegalArgumentException when the object holds something else
   */
  static Optional<ResumePoint> read(SmallObjects objects, String uri) throws IOException {
    return objects
        .get(uri)
        .map(bytes -> ResumePoint.parse(new String(bytes, StandardCharsets.UTF_8)));
  }

  /**
   * Stores {@code point} at {@code uri} with {@code objects}, whole (readers see the old or the new
   * point).
   */
  static void write(SmallObjects objects, String uri, ResumePoint point) throws IOException {
    objects.put(uri, point.text().getBytes(StandardCharsets.UTF_8));
  }
}
