import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The decompression floor of a JVM reader: inflates every .log.gz object under DIR with the JDK's
 * GZIPInputStream (zlib), on THREADS threads (default 2), and prints the bytes it got. It reads
 * nothing else, so a digest of the same objects cannot take less than its time. Run:
 * java bench/InflateFloor.java DIR [THREADS]
 */
public class InflateFloor {
  public static void main(String[] args) throws Exception {
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    List<Path> objects;
    try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
      objects = walk.filter(p -> p.toString().endsWith(".log.gz")).sorted().toList();
    }
    AtomicLong text = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Long>> work =
        objects.stream().map(object -> pool.submit(() -> text.addAndGet(inflate(object)))).toList();
    for (Future<Long> done : work) {
      done.get();
    }
    pool.shutdown();
    System.out.println(objects.size() + " objects, " + text.get() + " bytes of text");
  }

  private static long inflate(Path object) {
    byte[] buffer = new byte[64 * 1024];
    long bytes = 0;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(object), 64 * 1024)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        bytes += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(object.toString(), e);
    }
    return bytes;
  }
}
