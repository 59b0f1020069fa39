package io.vpcflow.digesterd.view;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The edges added and removed between two digests, by a streaming merge of both. Two lines are the
 * same edge when their account, interface, addresses, ports, protocol and action are equal ({@link
 * DigestRecord#edgeIdentity}); their totals, version and log status may differ.
 *
 * <p>Why a merge works: a digest is sorted by its whole line in unsigned byte order, and its first
 * eight fields ({@code version account-id interface-id srcaddr dstaddr srcport dstport protocol},
 * the {@link DigestRecord#sortPrefix}) come before the totals. As no field holds a byte below the
 * space, comparing two lines' prefixes gives the order of the lines. The version comes first, so a
 * digest is one sorted run per version: {@link VersionSegments} finds the runs in a first pass
 * (reading only the first field) and merges them by the seven fields after the version (the {@link
 * DigestRecord#mergeKey}). Lines sharing that key are then adjacent: a <em>group</em>. Its lines
 * differ only in version, totals, action and log status, so a group of a digest this service wrote
 * holds a few lines; {@link #MAX_GROUP} bounds what is held. The action comes after the totals, so
 * within a group the lines are compared as sets of identities.
 *
 * <p>Memory: one group and one record per version run of each digest. Reads: each digest once to
 * find its runs, then once more (a run after the first is reached by skipping the runs before it,
 * so a digest of V versions is read about 1 + V times in the worst case). Each digest must be in
 * digest order (checked: a {@link BadDigestException} otherwise).
 */
public final class DigestDiff {
  /** The most lines of one group held at once. */
  public static final int MAX_GROUP = 1024;

  /** What happened to an edge. */
  public enum Change {
    ADDED,
    REMOVED
  }

  /** Receives the changed edges in digest order. */
  @FunctionalInterface
  public interface Changes {
    void accept(Change change, DigestRecord record) throws IOException;
  }

  /** How many edges were added, removed and kept. */
  public record Counts(long added, long removed, long unchanged) {}

  private DigestDiff() {}

  /**
   * Merges {@code previous} and {@code next}, telling {@code changes} each edge only one of them
   * has.
   *
   * @throws BadDigestException when a digest is not digest lines in digest order
   */
  public static Counts merge(DigestSource previous, DigestSource next, Changes changes)
      throws IOException {
    try (VersionSegments p = VersionSegments.open(previous);
        VersionSegments n = VersionSegments.open(next)) {
      return merge(new Groups(p), new Groups(n), changes);
    }
  }

  private static Counts merge(Groups a, Groups b, Changes changes) throws IOException {
    long added = 0;
    long removed = 0;
    long unchanged = 0;
    List<DigestRecord> ga = a.next();
    List<DigestRecord> gb = b.next();
    while (ga != null || gb != null) {
      int order =
          ga == null
              ? 1
              : gb == null ? -1 : CodePoints.compare(ga.get(0).mergeKey(), gb.get(0).mergeKey());
      if (order < 0) {
        removed += emit(ga, Set.of(), Change.REMOVED, changes);
        ga = a.next();
      } else if (order > 0) {
        added += emit(gb, Set.of(), Change.ADDED, changes);
        gb = b.next();
      } else {
        Set<String> inA = identities(ga);
        Set<String> inB = identities(gb);
        long gone = emit(ga, inB, Change.REMOVED, changes);
        long fresh = emit(gb, inA, Change.ADDED, changes);
        removed += gone;
        added += fresh;
        unchanged += gb.size() - fresh;
        ga = a.next();
        gb = b.next();
      }
    }
    return new Counts(added, removed, unchanged);
  }

  /**
   * Writes the diff of {@code previous} and {@code next} as a graph: the changed edges with {@code
   * diff=ADDED|REMOVED} and their nodes; facts {@code added}, {@code removed}, {@code unchanged}.
   */
  public static Counts write(
      DigestSource previous, DigestSource next, OutputStream out, GraphFormat format)
      throws IOException {
    GraphSink sink = format.sink(out);
    Counts counts =
        merge(
            previous,
            next,
            (change, r) -> {
              sink.node(r.src());
              sink.node(r.dst());
              sink.edge(r, change.name());
            });
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("added", counts.added());
    facts.put("removed", counts.removed());
    facts.put("unchanged", counts.unchanged());
    sink.finish(facts);
    return counts;
  }

  private static Set<String> identities(List<DigestRecord> group) {
    Set<String> ids = new HashSet<>();
    for (DigestRecord r : group) {
      ids.add(r.edgeIdentity());
    }
    return ids;
  }

  /** Tells {@code changes} each line of {@code group} whose edge is not in {@code others}. */
  private static long emit(
      List<DigestRecord> group, Set<String> others, Change change, Changes changes)
      throws IOException {
    long n = 0;
    for (DigestRecord r : group) {
      if (!others.contains(r.edgeIdentity())) {
        changes.accept(change, r);
        n++;
      }
    }
    return n;
  }

  /** The groups of a digest, in order, checking the order as it goes. */
  private static final class Groups {
    private final RecordStream reader;
    private DigestRecord pending;
    private String lastPrefix;
    private boolean started;

    Groups(RecordStream reader) {
      this.reader = reader;
    }

    /** The next group, or null at the end. */
    List<DigestRecord> next() throws IOException {
      if (!started) {
        pending = reader.next();
        started = true;
      }
      if (pending == null) {
        return null;
      }
      String prefix = pending.mergeKey();
      if (lastPrefix != null && CodePoints.compare(lastPrefix, prefix) >= 0) {
        throw new BadDigestException(
            reader.lineNumber(), "not in digest order (sorted by line, unsigned bytes)");
      }
      List<DigestRecord> group = new ArrayList<>(2);
      while (pending != null && pending.mergeKey().equals(prefix)) {
        if (group.size() == MAX_GROUP) {
          throw new BadDigestException(
              reader.lineNumber(),
              "more than " + MAX_GROUP + " lines share the fields from account-id to protocol");
        }
        group.add(pending);
        pending = reader.next();
      }
      lastPrefix = prefix;
      return group;
    }
  }
}
