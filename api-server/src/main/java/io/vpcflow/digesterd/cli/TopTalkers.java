package io.vpcflow.digesterd.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The digest lines with the most bytes, read from a local gzip'd digest. */
final class TopTalkers {
  private TopTalkers() {}

  /** The {@code n} lines with the highest byte counts, highest first. */
  static List<String> of(Path digest, int n) throws IOException {
    List<String[]> lines = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(digest)), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line.split(" "));
        lines.sort(Comparator.comparingLong((String[] f) -> Long.parseLong(f[9])).reversed());
        if (lines.size() > n) {
          lines.remove(n);
        }
      }
    }
    List<String> top = new ArrayList<>();
    for (String[] f : lines) {
      top.add(
          String.format(
              "%s %-15s -> %-15s port %-5s proto %-2s %-6s %,14d bytes %,10d packets",
              f[2],
              f[3],
              f[4],
              f[5].equals("0") ? f[6] : f[5],
              f[7],
              f[12],
              Long.parseLong(f[9]),
              Long.parseLong(f[8])));
    }
    return top;
  }
}
