package io.vpcflow.digesterd.view;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A digest's records in the order of their fields after the version ({@code account-id} to {@code
 * protocol}, then the rest), whatever versions it holds. A digest is sorted by its whole line, and
 * the version comes first: it is one sorted run per version, one after the other. A first pass
 * reads the first field of every line to find the runs; then each run is read by its own stream
 * (opened again and skipped to the run's first line), and the runs are merged. One version (the
 * usual case) is one stream read once after the first pass. Holds one record per run.
 */
final class VersionSegments implements RecordStream {
  private record Segment(String version, long firstLine, long lines) {}

  private final List<Run> runs;
  private Run last;

  private VersionSegments(List<Run> runs) {
    this.runs = runs;
  }

  /**
   * Opens {@code source} once per version it holds, after one pass over it.
   *
   * @throws BadDigestException when a version appears in two separate runs (not digest order)
   */
  static VersionSegments open(DigestSource source) throws IOException {
    List<Segment> segments = scan(source);
    List<Run> runs = new ArrayList<>(segments.size());
    try {
      for (Segment segment : segments) {
        runs.add(new Run(new DigestReader(source.open()), segment));
      }
    } catch (IOException | RuntimeException e) {
      for (Run run : runs) {
        run.reader.close();
      }
      throw e;
    }
    return new VersionSegments(runs);
  }

  private static List<Segment> scan(DigestSource source) throws IOException {
    List<Segment> segments = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (var in = DigestReader.lines(source.open())) {
      String version = null;
      long first = 0;
      long n = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        int space = line.indexOf(' ');
        String v = space < 0 ? line : line.substring(0, space);
        if (!v.equals(version)) {
          if (version != null) {
            segments.add(new Segment(version, first, n - first));
          }
          if (!seen.add(v)) {
            throw new BadDigestException(
                n + 1, "not in digest order: version " + v + " appears in two separate runs");
          }
          version = v;
          first = n;
        }
        n++;
      }
      if (version != null) {
        segments.add(new Segment(version, first, n - first));
      }
    }
    return segments;
  }

  @Override
  public DigestRecord next() throws IOException {
    Run least = null;
    for (Run run : runs) {
      if (run.head() != null
          && (least == null
              || CodePoints.compare(run.head().mergeKey(), least.head().mergeKey()) < 0)) {
        least = run;
      }
    }
    if (least == null) {
      return null;
    }
    last = least;
    return least.take();
  }

  @Override
  public long lineNumber() {
    return last == null ? 0 : last.reader.lineNumber();
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Run run : runs) {
      try {
        run.reader.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** One version's run: its reader, skipped to the run, and the record at its head. */
  private static final class Run {
    private final DigestReader reader;
    private final Segment segment;
    private long taken;
    private DigestRecord head;

    Run(DigestReader reader, Segment segment) throws IOException {
      this.reader = reader;
      this.segment = segment;
      reader.skipLines(segment.firstLine());
      advance();
    }

    DigestRecord head() {
      return head;
    }

    DigestRecord take() throws IOException {
      DigestRecord r = head;
      advance();
      return r;
    }

    private void advance() throws IOException {
      head = taken < segment.lines() ? reader.next() : null;
      if (head != null) {
        taken++;
        if (!head.version().equals(segment.version())) {
          throw new BadDigestException(reader.lineNumber(), "the digest changed while it was read");
        }
      }
    }
  }
}
