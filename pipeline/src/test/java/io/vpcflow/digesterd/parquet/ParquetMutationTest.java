package io.vpcflow.digesterd.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

/**
 * Damaged Parquet objects, made by changing, flipping or removing bytes of good ones at random
 * (fixed seeds), are each either read with an outcome for every row their footer claims or refused
 * with a reason that names the damage (every row of the good file read, or none): never another
 * exception, never a reason that is only the name of a Java programming error, never a hang. One
 * reader reads them all, as a worker does, and still reads a good object exactly afterwards.
 */
class ParquetMutationTest {
  private static final int MUTANTS_PER_FILE = 400;

  /** The rows of each good file: {@link ParquetFlowLogReaderTest#V5_TEXT}'s records six times. */
  private static final int ROWS = 60;

  /** Exceptions whose name as a reason would say "a bug" rather than what is wrong in the file. */
  private static final List<String> PROGRAMMING_ERRORS =
      List.of(
          "ArrayIndexOutOfBoundsException",
          "StringIndexOutOfBoundsException",
          "IndexOutOfBoundsException",
          "NullPointerException",
          "NegativeArraySizeException",
          "ClassCastException",
          "ArithmeticException",
          "IllegalStateException");

  @Test
  void damagedObjectsAreReadWholeOrRefusedWithAReason() throws Exception {
    String text = records();
    List<byte[]> goods =
        List.of(
            new FlowLogParquetWriter(CompressionCodecName.GZIP, 16).write(text),
            new FlowLogParquetWriter(
                    CompressionCodecName.UNCOMPRESSED,
                    25,
                    new FlowLogParquetWriter.PageEncoding(WriterVersion.PARQUET_2_0, true, 256, 8))
                .write(text),
            new FlowLogParquetWriter(
                    CompressionCodecName.SNAPPY,
                    64,
                    new FlowLogParquetWriter.PageEncoding(
                        WriterVersion.PARQUET_1_0, false, 1 << 20, 20))
                .write(text));
    ParquetFlowLogReader reader = new ParquetFlowLogReader(1024);
    List<Object> expected = new ArrayList<>();
    for (byte[] good : goods) {
      expected.add(ParquetFixture.ofParquet(reader, good));
    }
    int[] read = new int[1];
    Random random = new Random(20261207);
    assertTimeoutPreemptively(
        Duration.ofMinutes(2),
        () -> {
          for (byte[] good : goods) {
            for (int i = 0; i < MUTANTS_PER_FILE; i++) {
              int footer = good.length - 8 - ParquetFixture.footerSize(good);
              byte[] mutant = mutate(good, i % 2 == 0 ? 0 : footer, random);
              read[0] += readOrRefuse(reader, mutant) ? 1 : 0;
            }
          }
        });
    int refused = goods.size() * MUTANTS_PER_FILE - read[0];
    assertFalse(read[0] == 0 || refused == 0, read[0] + " read, " + refused + " refused");
    for (int i = 0; i < goods.size(); i++) {
      assertEquals(expected.get(i), ParquetFixture.ofParquet(reader, goods.get(i)));
    }
  }

  /** True when {@code mutant} was read, every row of the good file given an outcome. */
  private static boolean readOrRefuse(ParquetFlowLogReader reader, byte[] mutant)
      throws IOException, UnreadableParquetException {
    ObjectParseResult result;
    try {
      result = reader.read(new ByteArrayInputFile(mutant), new DigestTable(0, Long.MAX_VALUE));
    } catch (UnreadableParquetException e) {
      String reason = String.valueOf(e.getMessage());
      for (String error : PROGRAMMING_ERRORS) {
        if (reason.startsWith(error)) {
          fail("a reason that names no damage: " + reason, e);
        }
      }
      if (reason.isBlank() || reason.contains("Socket")) {
        fail("a reason that names no damage: " + reason, e);
      }
      return false;
    }
    assertEquals(ROWS, result.counts().total(), "rows given an outcome");
    return true;
  }

  /**
   * {@code good} with one to four bytes changed, bits flipped or runs of bytes removed, at or after
   * {@code from} (the footer's start, for half of the mutants: pages carry checksums, a footer
   * none).
   */
  private static byte[] mutate(byte[] good, int from, Random random) {
    byte[] file = good.clone();
    for (int m = 1 + random.nextInt(4); m > 0; m--) {
      int at = from + random.nextInt(file.length - from);
      switch (random.nextInt(4)) {
        case 0 -> file[at] = (byte) random.nextInt(256);
        case 1 -> file[at] ^= (byte) (1 << random.nextInt(8));
        case 2 -> file[at] = random.nextBoolean() ? (byte) 0x7f : (byte) 0xff;
        default -> {
          int removed = 1 + random.nextInt(Math.min(64, file.length - at));
          byte[] shorter = new byte[file.length - removed];
          System.arraycopy(file, 0, shorter, 0, at);
          System.arraycopy(file, at + removed, shorter, at, shorter.length - at);
          file = shorter;
        }
      }
    }
    return file;
  }

  /** {@link ParquetFlowLogReaderTest#V5_TEXT}'s header, then its records six times. */
  private static String records() {
    String[] lines = ParquetFlowLogReaderTest.V5_TEXT.split("\n");
    StringBuilder text = new StringBuilder(lines[0]).append('\n');
    for (int copy = 0; copy < 6; copy++) {
      for (int i = 1; i < lines.length; i++) {
        text.append(lines[i]).append('\n');
      }
    }
    return text.toString();
  }
}
