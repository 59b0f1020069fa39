package io.vpcflow.digesterd.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An independent, deliberately simple digest of v2 flow-log text: split on spaces, keep OK records
 * with start in the window, normalise ports, sum per key, sort as unsigned bytes. Shares no code
 * with the product, so tests can compare the two.
 */
public final class OracleDigest {
  private final long start;
  private final long stop;
  private final Map<String, long[]> totals = new TreeMap<>();

  public OracleDigest(long start, long stop) {
    this.start = start;
    this.stop = stop;
  }

  /** Adds the text of one v2 object (header lines ignored). */
  public void add(String text) {
    for (String line : text.split("\n")) {
      String[] f = line.trim().split(" +");
      if (f.length != 14 || f[0].equals("version") || !f[13].equals("OK")) {
        continue;
      }
      long recordStart = Long.parseLong(f[10]);
      if (recordStart < start || recordStart >= stop) {
        continue;
      }
      int srcport = Integer.parseInt(f[5]);
      int dstport = Integer.parseInt(f[6]);
      if (srcport < dstport) {
        dstport = 0;
      } else {
        srcport = 0;
      }
      String key =
          String.join(
              "\u0000",
              f[0],
              f[1],
              f[2],
              f[3],
              f[4],
              "" + srcport,
              "" + dstport,
              f[7],
              f[12],
              f[13]);
      long[] t =
          totals.computeIfAbsent(key, k -> new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
      t[0] += Long.parseLong(f[8]);
      t[1] += Long.parseLong(f[9]);
      t[2] = Math.min(t[2], recordStart);
      t[3] = Math.max(t[3], Long.parseLong(f[11]));
    }
  }

  /** Adds every {@code .log.gz} file under a directory. */
  public void addTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".log.gz")).toList()) {
        add(Gzip.gunzip(Files.readAllBytes(file)));
      }
    }
  }

  /** The digest text: sorted lines, each ending in a newline. */
  public String text() {
    List<String> lines = new ArrayList<>();
    totals.forEach(
        (key, t) -> {
          String[] k = key.split("\u0000");
          lines.add(
              String.join(
                  " ", k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], "" + t[0], "" + t[1],
                  "" + t[2], "" + t[3], k[8], k[9]));
        });
    lines.sort(
        (a, b) ->
            java.util.Arrays.compareUnsigned(
                a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    StringBuilder text = new StringBuilder();
    lines.forEach(l -> text.append(l).append('\n'));
    return text.toString();
  }

  /** The number of keys. */
  public int keys() {
    return totals.size();
  }
}
