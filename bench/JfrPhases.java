import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a run's CPU went, from a JFR recording of the whole process and, optionally, each thread's
 * CPU time. Usage: java bench/JfrPhases.java RECORDING.jfr [THREADS.tsv CLOCK_TICKS_PER_SECOND]
 *
 * <p>THREADS.tsv (bench/threads.sh): one line per thread, its CPU clock ticks, a tab, its name.
 * They are summed by kind of thread: the DirectRunner's workers (which read, parse, fold, sort and
 * merge), the main thread, the JIT compilers, the collector, and so on.
 *
 * <p>Phases come from the method samples of threads running Java code and of threads in native
 * code (zlib's inflate and deflate, file reads and writes, class definition: work JFR's Java
 * samples do not see). A sample inside class loading counts as class loading; any other counts for
 * the phase of its innermost frame that names one (so inflating inside the parser counts as
 * inflate); Java samples of no named frame are "other". Native samples that name no working phase
 * are threads waiting in native code (sockets, polls) and are left out. JFR samples at most one
 * thread in native code per period, so when both readers inflate at once one of them is missed:
 * inflate's share is a lower bound.
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

  /** Native phases that are work, not a wait. */
  private static final List<String> NATIVE_WORK =
      List.of("inflate", "compress", "class loading", "read from store", "write");

  /** Thread-name prefix (as /proc shows it, 15 characters at most) → kind of thread. */
  private static final String[][] THREAD_KINDS = {
    {"direct-runner-w", "DirectRunner workers (read, parse, fold, sort, merge, write)"},
    {"java", "main thread (command line, options, listing, graph, runner set-up)"},
    {"C1 CompilerThre", "JIT compiler C1"},
    {"C2 CompilerThre", "JIT compiler C2"},
    {"GC Thread", "garbage collector"},
    {"G1 ", "garbage collector"},
    {"VM Thread", "garbage collector"},
    {"block-gzip", "compressing the digest"},
    {"beam-warm-up", "warm-up threads"},
    {"dofn-warm-up", "warm-up threads"},
    {"parquet-warm-up", "warm-up threads"},
    {"jit-directives", "warm-up threads"},
    {"JFR ", "JFR (the profiler itself)"},
  };

  public static void main(String[] args) throws Exception {
    if (args.length >= 3) {
      printThreads(Path.of(args[1]), Double.parseDouble(args[2]));
    }
    Map<String, Integer> phases = new LinkedHashMap<>();
    int samples = 0;
    int nativeSamples = 0;
    double jitSeconds = 0;
    Duration gcPauses = Duration.ZERO;
    long gcs = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      switch (event.getEventType().getName()) {
        case "jdk.ExecutionSample" -> {
          samples++;
          phases.merge(phase(event.getStackTrace() == null ? List.of() : event.getStackTrace().getFrames()), 1, Integer::sum);
        }
        case "jdk.NativeMethodSample" -> {
          String phase = phase(event.getStackTrace() == null ? List.of() : event.getStackTrace().getFrames());
          if (NATIVE_WORK.contains(phase)) {
            samples++;
            nativeSamples++;
            phases.merge(phase, 1, Integer::sum);
          }
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
    System.out.printf("| phase | share of samples |%n|---|---:|%n");
    phases.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> System.out.printf("| %s | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / total));
    System.out.printf("%n%d samples (%d of them in native code); JIT compilation %.1f s (compiler threads); %d collections, pauses %.2f s%n",
        total, nativeSamples, jitSeconds, gcs, gcPauses.toNanos() / 1e9);
  }

  /** CPU seconds by kind of thread, from bench/threads.sh's lines. */
  private static void printThreads(Path file, double ticksPerSecond) throws Exception {
    Map<String, Long> kinds = new LinkedHashMap<>();
    long all = 0;
    for (String line : Files.readAllLines(file)) {
      String[] parts = line.split("\t", 2);
      long ticks = Long.parseLong(parts[0]);
      all += ticks;
      kinds.merge(kind(parts[1]), ticks, Long::sum);
    }
    final long total = all;
    System.out.printf("| threads | CPU s | share |%n|---|---:|---:|%n");
    kinds.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> System.out.printf("| %s | %.2f | %.1f %% |%n", e.getKey(), e.getValue() / ticksPerSecond, 100.0 * e.getValue() / total));
    System.out.printf("| all threads | %.2f | |%n%n", total / ticksPerSecond);
  }

  private static String kind(String thread) {
    for (String[] rule : THREAD_KINDS) {
      if (rule[0].equals("java") ? thread.equals("java") : thread.startsWith(rule[0])) {
        return rule[1];
      }
    }
    return "other threads";
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
