package io.vpcflow.digesterd.s3;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans the parts of a multipart upload that joins objects end to end: a large enough stretch of
 * one object becomes a server-side copy ({@code UploadPartCopy}, nothing passes through this
 * process), and small objects are gathered into uploaded parts. Every part but the last is at least
 * {@code minPartBytes} (S3's minimum, 5 MiB) and none is over {@code maxPartBytes} (5 GiB); an
 * uploaded part is at most {@code minPartBytes}, so joining holds at most that much in memory.
 */
public final class MultipartPlan {
  /** S3's least size of a part other than the last. */
  public static final long MIN_PART_BYTES = 5L << 20;

  /** S3's greatest size of a part. */
  public static final long MAX_PART_BYTES = 5L << 30;

  private MultipartPlan() {}

  /**
   * A stretch {@code [from, to)} of source object {@code source}.
   *
   * @param source the index of the source object
   * @param from the first byte
   * @param to the byte after the last
   */
  public record Piece(int source, long from, long to) {
    public long length() {
      return to - from;
    }
  }

  /**
   * One part of the upload.
   *
   * @param pieces the stretches it is made of, in order
   * @param copy whether it is one stretch copied by the server (else the pieces are read and
   *     uploaded)
   */
  public record Part(List<Piece> pieces, boolean copy) {
    public long length() {
      return pieces.stream().mapToLong(Piece::length).sum();
    }
  }

  /** The parts joining sources of the given sizes, with S3's limits. */
  public static List<Part> plan(List<Long> sizes) {
    return plan(sizes, MIN_PART_BYTES, MAX_PART_BYTES);
  }

  /** The parts joining sources of the given sizes, with the given limits. */
  public static List<Part> plan(List<Long> sizes, long minPartBytes, long maxPartBytes) {
    if (minPartBytes < 1 || maxPartBytes < 2 * minPartBytes) {
      throw new IllegalArgumentException("part limits: " + minPartBytes + ", " + maxPartBytes);
    }
    List<Part> parts = new ArrayList<>();
    List<Piece> gathering = new ArrayList<>();
    long gathered = 0;
    for (int source = 0; source < sizes.size(); source++) {
      long from = 0;
      long size = sizes.get(source);
      if (gathered > 0 && size > 0) {
        long take = Math.min(size, minPartBytes - gathered);
        gathering.add(new Piece(source, 0, take));
        gathered += take;
        from = take;
        if (gathered == minPartBytes) {
          parts.add(new Part(List.copyOf(gathering), false));
          gathering.clear();
          gathered = 0;
        }
      }
      long rest = size - from;
      if (rest >= minPartBytes) {
        addCopies(parts, source, from, size, maxPartBytes);
      } else if (rest > 0) {
        gathering.add(new Piece(source, from, size));
        gathered += rest;
      }
    }
    if (!gathering.isEmpty()) {
      parts.add(new Part(List.copyOf(gathering), false));
    }
    return parts;
  }

  /** Copies {@code [from, to)} of one source in equal parts of at most {@code maxPartBytes}. */
  private static void addCopies(
      List<Part> parts, int source, long from, long to, long maxPartBytes) {
    long length = to - from;
    long count = (length + maxPartBytes - 1) / maxPartBytes;
    long each = (length + count - 1) / count;
    for (long start = from; start < to; start += each) {
      parts.add(new Part(List.of(new Piece(source, start, Math.min(to, start + each))), true));
    }
  }
}
