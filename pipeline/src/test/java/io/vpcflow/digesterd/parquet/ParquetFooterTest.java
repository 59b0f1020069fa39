package io.vpcflow.digesterd.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a file's footer says about its row groups and column chunks is checked against the file
 * before their bytes are read; a row group's chosen chunks lying end to end are fetched with one
 * read; an empty row group is skipped, as parquet-java skips it.
 */
class ParquetFooterTest {
  @TempDir Path dir;

  /** {@link ParquetFlowLogReaderTest#V5_TEXT} in three row groups, 14 digest columns first. */
  private static byte[] good() throws IOException {
    return new FlowLogParquetWriter(CompressionCodecName.GZIP, 4)
        .write(ParquetFlowLogReaderTest.V5_TEXT);
  }

  @Test
  void eachRowGroupsChosenChunksAreFetchedWithOneRead() throws Exception {
    CountingFile file = new CountingFile(good());

    ObjectParseResult result =
        new ParquetFlowLogReader(1024).read(file, new DigestTable(0, Long.MAX_VALUE));

    assertEquals(10, result.counts().total());
    assertEquals(2 + 3, file.reads, "the tail, the footer, then one read per row group");
  }

  @Test
  void anEmptyRowGroupIsSkipped() throws Exception {
    byte[] good = good();
    byte[] withEmpty =
        withFooter(
            good, meta -> meta.getRow_groups().add(1, new RowGroup(new ArrayList<>(), 0, 0)));
    DigestTable expected = new DigestTable(0, Long.MAX_VALUE);
    DigestTable actual = new DigestTable(0, Long.MAX_VALUE);

    ObjectParseResult goodResult =
        new ParquetFlowLogReader(1024).read(new ByteArrayInputFile(good), expected);
    ObjectParseResult result =
        new ParquetFlowLogReader(1024).read(new ByteArrayInputFile(withEmpty), actual);

    assertEquals(goodResult.counts().nonZero(), result.counts().nonZero());
    assertEquals(expected.entries(), actual.entries());
  }

  @Test
  void aFooterThatContradictsTheFileIsRefusedWithItsReason() throws Exception {
    byte[] good = good();
    int length = good.length;
    assertRefused(
        withFooter(good, meta -> chunk(meta, 0, "srcaddr").setTotal_compressed_size(length)),
        "column srcaddr's chunk claims " + length + " bytes");
    assertRefused(
        withFooter(good, meta -> chunk(meta, 1, "bytes").setData_page_offset(-5)),
        "column bytes's chunk claims");
    assertRefused(
        withFooter(
            good,
            meta ->
                meta.getRow_groups()
                    .get(2)
                    .getColumns()
                    .removeIf(c -> c.getMeta_data().getPath_in_schema().contains("dstport"))),
        "a row group has no chunk of column dstport");
    assertRefused(
        withFooter(
            good,
            meta ->
                meta.getRow_groups().get(0).getColumns().stream()
                    .filter(c -> c.getMeta_data().getPath_in_schema().contains("protocol"))
                    .forEach(c -> c.setFile_path("elsewhere.parquet"))),
        "column protocol is stored in another file: elsewhere.parquet");
    assertRefused(
        withFooter(good, meta -> chunk(meta, 0, "packets").setNum_values(5)),
        "column packets's chunk holds 5 values in a row group of 4 rows");
    assertRefused(
        withFooter(good, meta -> chunk(meta, 0, "packets").setNum_values(3)),
        "column packets's chunk holds 3 values in a row group of 4 rows");
    assertRefused(
        withFooter(good, meta -> meta.getRow_groups().get(1).setNum_rows(-3)),
        "a row group claims -3 rows");
    assertRefused(
        withFooter(good, meta -> meta.getRow_groups().get(1).setNum_rows(2)),
        "column log_status's chunk holds 4 values in a row group of 2 rows");
    assertRefused(
        withFooter(good, meta -> meta.getRow_groups().get(1).setNum_rows(0)),
        "column log_status's chunk holds 4 values in a row group of 0 rows");

    byte[] flipped = good.clone();
    ColumnMetaData srcaddr =
        readFooter(good).getRow_groups().get(1).getColumns().stream()
            .map(ColumnChunk::getMeta_data)
            .filter(m -> m.getPath_in_schema().contains("srcaddr"))
            .findFirst()
            .orElseThrow();
    long start =
        srcaddr.isSetDictionary_page_offset()
            ? srcaddr.getDictionary_page_offset()
            : srcaddr.getData_page_offset();
    flipped[(int) (start + srcaddr.getTotal_compressed_size() - 10)] ^= 1;
    assertRefused(flipped, "a page of column srcaddr fails its CRC32 check");
  }

  @Test
  void aFooterCutShortIsRefusedSayingSo() throws Exception {
    byte[] good = good();
    byte[] footer = footerBytes(good);
    int kept = footer.length / 2;
    ByteArrayOutputStream cut = new ByteArrayOutputStream();
    cut.write(good, 0, good.length - 8 - footer.length);
    cut.write(footer, 0, kept);
    cut.write(ParquetFixture.tail(kept));
    assertRefused(cut.toByteArray(), "the footer's " + kept + " bytes end inside its metadata");
  }

  @Test
  void aFooterLargerThanIsReadIsRefusedBeforeItIsFetched() {
    int claimed = ParquetFooter.MAX_FOOTER_BYTES + 1;
    byte[] file = new byte[claimed + 16];
    System.arraycopy(new byte[] {'P', 'A', 'R', '1'}, 0, file, 0, 4);
    System.arraycopy(ParquetFixture.tail(claimed), 0, file, file.length - 8, 8);
    assertRefused(file, "the footer claims " + claimed + " bytes (at most 4194304 read)");
  }

  @Test
  void pagesThatWouldHoldTooMuchAtOnceAreRefused() throws Exception {
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message schema { required binary srcaddr (STRING); required binary dstaddr (STRING);"
                + " required binary action (STRING); required binary log_status (STRING);"
                + " required binary interface_id (STRING); required binary account_id (STRING);"
                + " required int64 packets; required int64 bytes; required int64 start; }");
    String huge = "a".repeat(14 << 20);
    Path file = dir.resolve("bomb.parquet");
    try (ParquetWriter<Group> writer =
        ParquetFlowLogReaderTest.writer(file, schema, CompressionCodecName.GZIP, false)) {
      Group row = new SimpleGroupFactory(schema).newGroup();
      for (String text : List.of("srcaddr", "dstaddr", "action", "log_status", "interface_id")) {
        row.add(text, huge);
      }
      row.add("account_id", "123456789012");
      row.add("packets", 1L);
      row.add("bytes", 1L);
      row.add("start", 1L);
      writer.write(row);
    }
    assertTrue(java.nio.file.Files.size(file) < 1 << 20);
    UnreadableParquetException e =
        assertThrows(
            UnreadableParquetException.class,
            () -> new ParquetFlowLogReader(1024).read(new LocalInputFile(file), record -> true));
    assertTrue(e.getMessage().contains("a row group's pages would hold"), e.getMessage());
  }

  @Test
  void aRowGroupLargerThanIsReadAtOnceIsRefusedBeforeItIsFetched() throws Exception {
    long chunkBytes = 20L << 20;
    byte[] footer =
        footerBytes(
            withFooter(
                good(),
                meta -> {
                  for (ColumnChunk chunk : meta.getRow_groups().get(0).getColumns()) {
                    chunk
                        .getMeta_data()
                        .setData_page_offset(4)
                        .setTotal_compressed_size(chunkBytes);
                    chunk.getMeta_data().unsetDictionary_page_offset();
                  }
                }));
    Path path = dir.resolve("sparse.parquet");
    try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
      file.setLength(300L << 20);
      file.seek(0);
      file.write(new byte[] {'P', 'A', 'R', '1'});
      file.seek(file.length());
      file.write(footer);
      file.write(ParquetFixture.tail(footer.length));
    }
    UnreadableParquetException e =
        assertThrows(
            UnreadableParquetException.class,
            () -> new ParquetFlowLogReader(1024).read(new LocalInputFile(path), record -> true));
    assertTrue(
        e.getMessage().contains("a row group's columns claim " + 14 * chunkBytes), e.getMessage());
  }

  private static void assertRefused(byte[] file, String reason) {
    UnreadableParquetException e =
        assertThrows(
            UnreadableParquetException.class,
            () ->
                new ParquetFlowLogReader(1024).read(new ByteArrayInputFile(file), record -> true));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  private static ColumnMetaData chunk(FileMetaData meta, int rowGroup, String column) {
    return meta.getRow_groups().get(rowGroup).getColumns().stream()
        .map(ColumnChunk::getMeta_data)
        .filter(m -> m.getPath_in_schema().equals(List.of(column)))
        .findFirst()
        .orElseThrow();
  }

  private static FileMetaData readFooter(byte[] file) throws IOException {
    int size = ParquetFixture.footerSize(file);
    return Util.readFileMetaData(new ByteArrayInputStream(file, file.length - 8 - size, size));
  }

  private static byte[] footerBytes(byte[] file) {
    int size = ParquetFixture.footerSize(file);
    return java.util.Arrays.copyOfRange(file, file.length - 8 - size, file.length - 8);
  }

  /** {@code file} with its footer changed by {@code change}. */
  private static byte[] withFooter(byte[] file, Consumer<FileMetaData> change) throws IOException {
    int size = ParquetFixture.footerSize(file);
    FileMetaData meta = readFooter(file);
    change.accept(meta);
    ByteArrayOutputStream footer = new ByteArrayOutputStream();
    Util.writeFileMetaData(meta, footer);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(file, 0, file.length - 8 - size);
    footer.writeTo(out);
    out.write(ParquetFixture.tail(footer.size()));
    return out.toByteArray();
  }

  /** A file in memory that counts the reads made of it. */
  private static final class CountingFile implements InputFile {
    private final ByteArrayInputFile file;
    int reads;

    CountingFile(byte[] bytes) {
      this.file = new ByteArrayInputFile(bytes);
    }

    @Override
    public long getLength() {
      return file.getLength();
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
      SeekableInputStream in = file.newStream();
      return new DelegatingSeekableInputStream(in) {
        @Override
        public long getPos() throws IOException {
          return in.getPos();
        }

        @Override
        public void seek(long newPos) throws IOException {
          in.seek(newPos);
        }

        @Override
        public void readFully(byte[] bytes) throws IOException {
          reads++;
          in.readFully(bytes);
        }

        @Override
        public void readFully(byte[] bytes, int start, int len) throws IOException {
          reads++;
          in.readFully(bytes, start, len);
        }
      };
    }
  }
}
