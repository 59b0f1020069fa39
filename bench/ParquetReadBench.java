import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.flowlog.FlowLogReader;
import io.vpcflow.digesterd.gzip.GunzipInputStream;
import io.vpcflow.digesterd.parquet.ParquetFlowLogReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.io.LocalInputFile;

/**
 * The readers alone, on one thread, without Beam: the first N objects (default 60) of a text
 * corpus or of its Parquet copy (bench/parquet.sh writes both) read into a digest table as the
 * digest reads them, PASSES times (default 3); prints the thread's CPU seconds per pass (the first
 * includes class loading and JIT warm-up). Run once per format, each in its own JVM:
 * java -cp api-server/target/vpcflow-digesterd.jar bench/ParquetReadBench.java text|parquet DIR
 * [N [PASSES]]
 */
public class ParquetReadBench {
  public static void main(String[] args) throws Exception {
    int limit = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    int format = args[0].equals("parquet") ? 1 : 0;
    {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(Path.of(args[1]))) {
        files = walk.filter(Files::isRegularFile).sorted().limit(limit).toList();
      }
      for (int pass = 0; pass < (args.length > 3 ? Integer.parseInt(args[3]) : 3); pass++) {
        long began = cpu.getCurrentThreadCpuTime();
        long rows = 0;
        DigestTable table = new DigestTable(0, Long.MAX_VALUE);
        if (format == 0) {
          FlowLogReader reader = new FlowLogReader();
          for (Path file : files) {
            try (GunzipInputStream in = new GunzipInputStream(Files.newInputStream(file), 64 * 1024)) {
              rows += reader.read(in, table).counts().total();
            }
          }
        } else {
          ParquetFlowLogReader reader = new ParquetFlowLogReader(FlowLogReader.DEFAULT_MAX_LINE_BYTES);
          for (Path file : files) {
            rows += reader.read(new LocalInputFile(file), table).counts().total();
          }
        }
        System.out.printf(
            "%s pass %d: %d objects, %d rows, %.2f s of CPU%n",
            format == 0 ? "text   " : "parquet", pass, files.size(), rows, (cpu.getCurrentThreadCpuTime() - began) / 1e9);
      }
    }
  }
}
