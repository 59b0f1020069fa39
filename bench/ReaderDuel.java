import io.vpcflow.digesterd.gzip.GunzipInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.io.LocalInputFile;

/**
 * Paired comparison of readers in one JVM, so that a machine whose speed drifts slows every
 * contender alike: each contender is the project's classes from a directory (for example a copy
 * of pipeline/target/classes of one build) reading one corpus, text or Parquet, into a digest
 * table (text inflated as the digest does, by the jar's GunzipInputStream); the contenders take
 * turns pass after pass (the order reversed every other round), each with its own copy of the
 * project's classes (so each is compiled on its own). Prints per
 * contender the first pass's CPU seconds (class loading and JIT warm-up included) and the median
 * and minimum of the others, then each contender's median paired ratio to the first one.
 * Usage (from the project root, after mvn install):
 *   java -cp api-server/target/vpcflow-digesterd.jar bench/ReaderDuel.java \
 *     NAME=CLASSES_DIR:text|parquet:CORPUS_DIR ... (env OBJECTS, default 60; ROUNDS, default 24)
 */
public class ReaderDuel {
  /** Loads the project's classes itself, everything else from the parent. */
  static final class ProjectFirst extends URLClassLoader {
    ProjectFirst(Path classes, ClassLoader parent) throws Exception {
      super(new URL[] {classes.toUri().toURL()}, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("io.vpcflow.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          try {
            loaded = findClass(name);
          } catch (ClassNotFoundException e) {
            loaded = getParent().loadClass(name);
          }
        }
        return loaded;
      }
    }
  }

  /** One contender: a reader of one format from its own classes, over its corpus's files. */
  static final class Contender {
    final String name;
    final boolean parquet;
    final List<Path> files;
    final Constructor<?> table;
    final Constructor<?> reader;
    final Method read;
    final int maxLineBytes;

    Contender(String spec, int objects) throws Exception {
      String[] parts = spec.split("[=:]", 4);
      name = parts[0];
      parquet = parts[2].equals("parquet");
      try (Stream<Path> walk = Files.walk(Path.of(parts[3]))) {
        files = walk.filter(Files::isRegularFile).sorted().limit(objects).toList();
      }
      ClassLoader loader = new ProjectFirst(Path.of(parts[1]), ReaderDuel.class.getClassLoader());
      Class<?> handler = loader.loadClass("io.vpcflow.digesterd.flowlog.RecordHandler");
      maxLineBytes =
          loader
              .loadClass("io.vpcflow.digesterd.flowlog.FlowLogReader")
              .getField("DEFAULT_MAX_LINE_BYTES")
              .getInt(null);
      table = loader.loadClass("io.vpcflow.digesterd.digest.DigestTable")
          .getConstructor(long.class, long.class);
      if (parquet) {
        Class<?> type = loader.loadClass("io.vpcflow.digesterd.parquet.ParquetFlowLogReader");
        reader = type.getConstructor(int.class);
        read = type.getMethod("read", org.apache.parquet.io.InputFile.class, handler);
      } else {
        Class<?> type = loader.loadClass("io.vpcflow.digesterd.flowlog.FlowLogReader");
        reader = type.getConstructor(int.class);
        read = type.getMethod("read", InputStream.class, handler);
      }
    }

    /** One pass over the files into a new table. */
    void pass() throws Exception {
      Object into = table.newInstance(0L, Long.MAX_VALUE);
      Object by = reader.newInstance(maxLineBytes);
      for (Path file : files) {
        if (parquet) {
          read.invoke(by, new LocalInputFile(file), into);
        } else {
          try (InputStream in = new GunzipInputStream(Files.newInputStream(file), 64 * 1024)) {
            read.invoke(by, in, into);
          }
        }
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int objects = Integer.parseInt(System.getenv().getOrDefault("OBJECTS", "60"));
    int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "24"));
    if (args.length == 0 || rounds < 3) {
      System.err.println("usage: NAME=CLASSES_DIR:text|parquet:CORPUS_DIR ... (ROUNDS >= 3)");
      System.exit(2);
    }
    List<Contender> contenders = new ArrayList<>();
    for (String spec : args) {
      contenders.add(new Contender(spec, objects));
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    int n = contenders.size();
    double[][] seconds = new double[n][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < n; k++) {
        int i = round % 2 == 0 ? k : n - 1 - k;
        long began = cpu.getCurrentThreadCpuTime();
        contenders.get(i).pass();
        seconds[i][round] = (cpu.getCurrentThreadCpuTime() - began) / 1e9;
      }
    }
    for (int i = 0; i < n; i++) {
      double[] warm = Arrays.copyOfRange(seconds[i], 1, rounds);
      Arrays.sort(warm);
      System.out.printf(
          "%-12s %s, %d objects: first pass %.3f s of CPU; later passes median %.3f, min %.3f%n",
          contenders.get(i).name,
          contenders.get(i).parquet ? "parquet" : "text",
          contenders.get(i).files.size(),
          seconds[i][0],
          warm[warm.length / 2],
          warm[0]);
    }
    for (int i = 1; i < n; i++) {
      double[] ratios = new double[rounds - 1];
      for (int round = 1; round < rounds; round++) {
        ratios[round - 1] = seconds[i][round] / seconds[0][round];
      }
      Arrays.sort(ratios);
      System.out.printf(
          "%s / %s, later passes paired: median %.3f (%.3f to %.3f)%n",
          contenders.get(i).name,
          contenders.get(0).name,
          ratios[ratios.length / 2],
          ratios[0],
          ratios[ratios.length - 1]);
    }
  }
}
