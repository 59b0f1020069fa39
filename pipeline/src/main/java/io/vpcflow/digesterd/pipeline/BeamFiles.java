package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.digest.CountingOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Object I/O through Beam's filesystems ({@code s3://}, local paths) for the pipeline's writers and
 * the stream's state.
 */
public final class BeamFiles {
  private BeamFiles() {}

  /** Writes an object's content. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  /**
   * Writes to a temporary sibling of {@code uri}, then renames it to {@code uri}, so readers see
   * either no object or the whole one. When writing fails, the temporary object is deleted and
   * {@code uri} is left as it was.
   *
   * @return the number of bytes written
   */
  public static long writeAtomically(String uri, Body body) throws IOException {
    ResourceId target = FileSystems.matchNewResource(uri, false);
    ResourceId temp = FileSystems.matchNewResource(uri + ".tmp-" + UUID.randomUUID(), false);
    CountingOutputStream out =
        new CountingOutputStream(
            Channels.newOutputStream(FileSystems.create(temp, MimeTypes.BINARY)));
    try {
      try (out) {
        body.write(out);
      }
    } catch (IOException | RuntimeException e) {
      try {
        FileSystems.delete(List.of(temp), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    FileSystems.rename(List.of(temp), List.of(target));
    return out.count();
  }

  /** The whole content of the object {@code uri}, or empty when there is no such object. */
  public static Optional<byte[]> read(String uri) throws IOException {
    MatchResult match = FileSystems.match(List.of(uri)).get(0);
    if (match.status() == MatchResult.Status.NOT_FOUND) {
      return Optional.empty();
    }
    try (InputStream in =
        Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(uri, false)))) {
      return Optional.of(in.readAllBytes());
    }
  }

  /** The objects matching {@code glob}; none when nothing matches. */
  public static List<ResourceId> match(String glob) throws IOException {
    MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
    if (match.status() == MatchResult.Status.NOT_FOUND) {
      return List.of();
    }
    List<ResourceId> ids = new ArrayList<>();
    for (MatchResult.Metadata file : match.metadata()) {
      ids.add(file.resourceId());
    }
    return ids;
  }
}
