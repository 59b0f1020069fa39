package io.vpcflow.digesterd.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JIT compiler directives for a batch digest on the DirectRunner: the optimising compiler (C2)
 * compiles only the project's own methods ({@code io.vpcflow.*}); every other method stays with the
 * quick compiler (C1). A digest's hot loops are the project's, while Beam's set-up, the JDK's
 * reflection and class loading reach C2's thresholds in the first second and cost about 3 s of
 * compiler CPU on a 2-core machine. {@code ParquetFlowLogReader.readRows}, which runs once per
 * batch of Parquet rows, stays with C1 too: C2 compiled it with all it calls inlined (3-6 KB of
 * bytecode, 0.4-0.7 s of compiler time) ahead of the row loops a Parquet digest waits for. Three of
 * the project's methods inline less: {@code FlowLogReader.classify} does not inline the fold it
 * hands records to (so its compilation stays small and is not thrown away each time a rare branch
 * of the fold is first taken), {@code RowRenderer.render} (Parquet rows) does not inline the
 * reader's rules it hands each row to (so its compilation, which a Parquet digest waits for, stays
 * small), and {@code CountingOutputStream} neither inlines the JDK's streams under it nor is
 * inlined into its callers. The directives ({@code batch-jit-directives.json}) are added the way
 * {@code jcmd <pid> Compiler.directives_add} adds them, through the JVM's {@code DiagnosticCommand}
 * MBean, and hold for the rest of the process, so only a process that runs one batch digest adds
 * them. A JVM without that MBean runs unchanged; the system property {@value #PROPERTY}{@code
 * =false} turns them off.
 */
final class BatchJitDirectives {
  /** The system property that turns the directives off when {@code false}. */
  static final String PROPERTY = "vpcflow.digesterd.jitDirectives";

  private static final Logger LOG = LoggerFactory.getLogger(BatchJitDirectives.class);
  private static final String RESOURCE = "batch-jit-directives.json";
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private BatchJitDirectives() {}

  /**
   * Whether a command line, not parsed yet, is a {@code digest} that names no runner (no {@code
   * --runner=}, no {@code --runner-config}), so that it runs on the DirectRunner: the directives
   * can then be started before the command line is parsed, when they save the most. {@link
   * DigestCommand} decides the other cases once its arguments are read.
   */
  static boolean isDirectDigest(String[] args) {
    return args.length > 0
        && args[0].equals("digest")
        && Arrays.stream(args).noneMatch(a -> a.startsWith("--runner"));
  }

  /**
   * Adds the directives on a daemon thread, unless turned off or already started in this JVM;
   * returns at once.
   */
  static void start() {
    if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))
        || !STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(BatchJitDirectives::addQuietly, "jit-directives");
    thread.setDaemon(true);
    thread.start();
  }

  private static void addQuietly() {
    try {
      LOG.debug("JIT directives: {}", add().strip());
    } catch (IOException | JMException | RuntimeException e) {
      LOG.debug("JIT directives not added; the JVM compiles as by default", e);
    }
  }

  /**
   * Adds the directives to this JVM.
   *
   * @return what the JVM answered (such as {@code 5 compiler directives added})
   */
  static String add() throws IOException, JMException {
    Path file = Files.createTempFile("vpcflow-digesterd-jit-", ".json");
    try {
      try (InputStream in = BatchJitDirectives.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IOException("missing resource " + RESOURCE);
        }
        Files.write(file, in.readAllBytes());
      }
      return String.valueOf(diagnosticCommand("compilerDirectivesAdd", file.toString()));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Runs a diagnostic command (as {@code jcmd} names it, in camel case) with {@code arguments}. */
  static Object diagnosticCommand(String operation, String... arguments) throws JMException {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    return server.invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"),
        operation,
        new Object[] {arguments},
        new String[] {String[].class.getName()});
  }
}
