package io.vpcflow.digesterd.parquet;

import io.vpcflow.digesterd.flowlog.FlowLogReader;
import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readies this JVM's Parquet reader ahead of the first object: a window of Parquet objects
 * otherwise waits on its first read for the reader's classes and their static set-up (about 300
 * classes, parquet-format's Thrift structures the most; ~0.1 s of CPU without a class-data
 * archive). Reads {@code warm-up.parquet}, a file of four rows in AWS's schema with GZIP pages
 * written by {@link FlowLogParquetWriter}, on a daemon thread.
 */
public final class ParquetWarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(ParquetWarmUp.class);
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private ParquetWarmUp() {}

  /** Starts the warm-up on a daemon thread, once per JVM; returns at once. */
  public static void start() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(ParquetWarmUp::run, "parquet-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    try {
      readSample();
    } catch (UnreadableParquetException | RuntimeException e) {
      LOG.debug("the Parquet warm-up failed; the first Parquet object will be read cold", e);
    }
  }

  /** Reads the warm-up file, every record accepted; its outcome. */
  static ObjectParseResult readSample() throws UnreadableParquetException {
    return new ParquetFlowLogReader(FlowLogReader.DEFAULT_MAX_LINE_BYTES)
        .read(new ByteArrayInputFile(sample()), record -> true);
  }

  private static byte[] sample() {
    try (InputStream in = ParquetWarmUp.class.getResourceAsStream("warm-up.parquet")) {
      if (in == null) {
        throw new IllegalStateException("warm-up.parquet is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
