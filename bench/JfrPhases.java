import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a run's CPU went, by phase, from a JFR recording of the whole process (method samples of
 * every Java thread, JIT and GC totals). Usage: java bench/JfrPhases.java RECORDING.jfr
 *
 * <p>A sample inside class loading counts as class loading; any other counts for the phase of its
 * innermost frame that names one (so inflating inside the parser counts as inflate); samples of no
 * named frame are "other".
 */
public class JfrPhases {
  /** Frame prefix (class or class.method) → phase, first match from the innermost frame wins. */
  private static final String[][] RULES = {
    {"java.lang.invoke.", "class loading"},
    {"java.util.zip.Inflater", "inflate"},
    {"java.util.zip.GZIPInputStream", "inflate"},
    {"java.util.zip.Deflater", "compress"},
    {"io.vpcflow.digesterd.digest.BlockGzipOutputStream", "compress"},
    {"org.apache.parquet.", "parquet decode"},
    {"io.vpcflow.digesterd.parquet.", "parquet decode"},
    {"io.vpcflow.digesterd.flowlog.", "parse"},
    {"io.vpcflow.digesterd.digest.KeySorter", "sort"},
    {"io.vpcflow.digesterd.digest.DigestLines.sort", "sort"},
    {"io.vpcflow.digesterd.digest.RunMerger", "merge"},
    {"io.vpcflow.digesterd.digest.SortedRun", "merge"},
    {"io.vpcflow.digesterd.digest.RunFile", "merge"},
    {"io.vpcflow.digesterd.digest.", "fold"},
    {"io.vpcflow.digesterd.layout.", "listing"},
    {"io.vpcflow.digesterd.location.", "listing"},
    {"sun.nio.ch.FileChannelImpl.write", "write"},
    {"java.io.FileOutputStream.write", "write"},
    {"sun.nio.ch.FileChannelImpl.read", "read from store"},
    {"java.io.FileInputStream.read", "read from store"},
    {"software.amazon.awssdk.", "S3 client"},
    {"org.apache.beam.sdk.options.", "options"},
    {"org.apache.beam.runners.direct.", "runner (DirectRunner)"},
    {"org.apache.beam.sdk.", "runner set-up and graph"},
    {"org.apache.beam.", "runner (other Beam)"},
    {"net.bytebuddy.", "runner set-up and graph"},
    {"org.apache.flink.", "runner (Flink)"},
    {"picocli.", "command line and configuration"},
    {"io.vpcflow.digesterd.config.", "command line and configuration"},
    {"com.fasterxml.jackson.", "JSON (options, summary)"},
  };

  public static void main(String[] args) throws Exception {
    Map<String, Integer> phases = new LinkedHashMap<>();
    int samples = 0;
    double jitSeconds = 0;
    Duration gcPauses = Duration.ZERO;
    long gcs = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      switch (event.getEventType().getName()) {
        case "jdk.ExecutionSample" -> {
          samples++;
          phases.merge(phase(event.getStackTrace() == null ? List.of() : event.getStackTrace().getFrames()), 1, Integer::sum);
        }
        case "jdk.Compilation" -> jitSeconds += event.getDuration().toNanos() / 1e9;
        case "jdk.GarbageCollection" -> {
          gcPauses = gcPauses.plus(event.getDuration("sumOfPauses"));
          gcs++;
        }
        default -> {}
      }
    }
    final int total = samples;
    System.out.printf("| phase | share of Java samples |%n|---|---:|%n");
    phases.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> System.out.printf("| %s | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / total));
    System.out.printf("%n%d samples; JIT compilation %.1f s (compiler threads); %d collections, pauses %.2f s%n",
        total, jitSeconds, gcs, gcPauses.toNanos() / 1e9);
  }

  private static String phase(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (type.startsWith("jdk.internal.loader.") || type.equals("java.lang.ClassLoader")) {
        return "class loading";
      }
    }
    for (RecordedFrame frame : frames) {
      String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
      for (String[] rule : RULES) {
        if (name.startsWith(rule[0])) {
          return rule[1];
        }
      }
    }
    return "other";
  }
}
