package io.vpcflow.digesterd.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.flowlog.FlowLogReader;
import io.vpcflow.digesterd.flowlog.LineOutcome;
import io.vpcflow.digesterd.parquet.FlowLogParquetWriter.PageEncoding;
import io.vpcflow.digesterd.parquet.ParquetFixture.Outcome;
import io.vpcflow.digesterd.sample.SampleFlowLogs;
import io.vpcflow.digesterd.sample.SampleSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same records as text and as Parquet give the same outcome per record and the same digest,
 * whatever the row groups, page compression, column order and physical types; files that are not
 * readable Parquet are refused with a reason.
 */
class ParquetFlowLogReaderTest {
  /** v5 fields in another order than AWS's default, with every outcome a record can have. */
  static final String V5_TEXT =
      String.join(
              "\n",
              "log-status action bytes packets start end srcaddr dstaddr srcport dstport protocol"
                  + " account-id interface-id version flow-direction pkt-srcaddr tcp-flags",
              "OK ACCEPT 4000 10 1600000000 1600000060 10.0.0.1 10.0.0.2 49152 443 6 123456789012 eni-1 5 egress 10.0.0.1 2",
              "OK ACCEPT 6000 20 1600000100 1600000160 10.0.0.1 10.0.0.2 49153 443 6 123456789012 eni-1 5 egress - 2",
              "OK REJECT 60 1 1600000200 1600000260 203.0.113.9 10.0.0.2 51515 22 6 123456789012 eni-1 5 ingress - 2",
              "NODATA - - - 1600000300 1600000360 - - - - - 123456789012 eni-2 5 - - -",
              "SKIPDATA - - - 1600000300 1600000360 - - - - - 123456789012 eni-3 5 - - -",
              "OK ACCEPT 100 1 1600000400 1600000460 2001:db8::1 2001:db8::2 53 40000 17 123456789012 eni-1 5 ingress - -",
              "OK ACCEPT - 1 1600000500 1600000560 10.0.0.3 10.0.0.4 1 2 6 123456789012 eni-1 5 ingress - -",
              "OK ACCEPT 5 1 1600000600 1600000660 10.0.0.3 10.0.0.4 1 2 6 - - 5 ingress - -",
              "OK ACCEPT 100 1 4200000000 4200000060 10.0.0.1 10.0.0.2 49152 443 6 123456789012 eni-1 5 egress - -",
              "OK ACCEPT 4000 10 1600000700 1600000760 10.0.0.1 10.0.0.2 0 0 1 123456789012 eni-1 5 egress - -")
          + "\n";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(
      value = CompressionCodecName.class,
      names = {"GZIP", "SNAPPY", "UNCOMPRESSED"})
  void v5RecordsInAnyOrderGiveTheTextOutcomesAndDigest(CompressionCodecName codec)
      throws Exception {
    Outcome text = ParquetFixture.ofText(V5_TEXT);
    Outcome parquet =
        ParquetFixture.ofParquet(new FlowLogParquetWriter(codec, 3).write(V5_TEXT), dir);

    assertEquals(
        Map.of(
            LineOutcome.DIGESTED, 6L,
            LineOutcome.OUTSIDE_WINDOW, 1L,
            LineOutcome.NODATA, 1L,
            LineOutcome.SKIPDATA, 1L,
            LineOutcome.MISSING_VALUE, 1L),
        text.counts());
    assertEquals(text, parquet);
    assertEquals(5, text.digest().size());
  }

  @Test
  void generatedObjectsOverManyRowGroupsGiveTheTextDigest() throws Exception {
    String text = generatedText(5000);
    Outcome fromText = ParquetFixture.ofText(text);
    Outcome fromParquet =
        ParquetFixture.ofParquet(
            new FlowLogParquetWriter(CompressionCodecName.GZIP, 700).write(text), dir);

    assertEquals(fromText, fromParquet);
    assertTrue(fromText.counts().get(LineOutcome.DIGESTED) > 4900, fromText.counts().toString());
    assertTrue(fromText.digest().size() > 100);
  }

  /**
   * Page layouts a writer may choose, each with the data-page encodings it must produce (so that
   * every decoding path is taken): dictionary pages, plain pages, a dictionary that overflows into
   * plain or DELTA pages mid-chunk, version 2 pages and their DELTA encodings.
   */
  static Stream<Arguments> pageEncodings() {
    return Stream.of(
        Arguments.of(PageEncoding.AWS, Set.of(Encoding.PLAIN_DICTIONARY, Encoding.PLAIN)),
        Arguments.of(
            new PageEncoding(WriterVersion.PARQUET_1_0, false, 1 << 20, 300),
            Set.of(Encoding.PLAIN)),
        Arguments.of(
            new PageEncoding(WriterVersion.PARQUET_1_0, true, 2_000, 250),
            Set.of(Encoding.PLAIN_DICTIONARY, Encoding.PLAIN)),
        Arguments.of(
            new PageEncoding(WriterVersion.PARQUET_2_0, true, 1 << 20, 20_000),
            Set.of(Encoding.RLE_DICTIONARY, Encoding.DELTA_BINARY_PACKED)),
        Arguments.of(
            new PageEncoding(WriterVersion.PARQUET_2_0, true, 2_000, 250),
            Set.of(
                Encoding.RLE_DICTIONARY, Encoding.DELTA_BINARY_PACKED, Encoding.DELTA_BYTE_ARRAY)),
        Arguments.of(
            new PageEncoding(WriterVersion.PARQUET_2_0, false, 1 << 20, 300),
            Set.of(Encoding.DELTA_BINARY_PACKED, Encoding.DELTA_BYTE_ARRAY)));
  }

  @ParameterizedTest
  @MethodSource("pageEncodings")
  void everyPageLayoutGivesTheTextDigest(PageEncoding encoding, Set<Encoding> dataEncodings)
      throws Exception {
    String text = generatedText(3000);
    byte[] parquet =
        new FlowLogParquetWriter(CompressionCodecName.GZIP, 1100, encoding).write(text);
    assertEquals(
        dataEncodings, dataPageEncodings(parquet, encoding.version() == WriterVersion.PARQUET_2_0));
    Outcome fromText = ParquetFixture.ofText(text);
    Outcome fromParquet = ParquetFixture.ofParquet(parquet, dir);
    assertEquals(fromText, fromParquet);
    assertTrue(fromText.counts().get(LineOutcome.DIGESTED) > 2900, fromText.counts().toString());

    Outcome v5 =
        ParquetFixture.ofParquet(
            new FlowLogParquetWriter(CompressionCodecName.GZIP, 4, encoding).write(V5_TEXT), dir);
    assertEquals(ParquetFixture.ofText(V5_TEXT), v5);
  }

  /**
   * One reader, whose arrays are reused from row group to row group and object to object, reads
   * objects of every page layout and codec in turn, of large and small pages, as a reader of each
   * alone reads it.
   */
  @Test
  void oneReaderReadsObjectsOfEveryLayoutInTurn() throws Exception {
    String small = generatedText(900);
    String large = generatedText(4000);
    ParquetFlowLogReader reader = new ParquetFlowLogReader(FlowLogReader.DEFAULT_MAX_LINE_BYTES);
    int read = 0;
    for (int round = 0; round < 2; round++) {
      for (Arguments layout : pageEncodings().toList()) {
        PageEncoding encoding = (PageEncoding) layout.get()[0];
        for (CompressionCodecName codec :
            List.of(
                CompressionCodecName.GZIP,
                CompressionCodecName.SNAPPY,
                CompressionCodecName.UNCOMPRESSED)) {
          for (String text : round == 0 ? List.of(large, small) : List.of(small, large)) {
            byte[] parquet = new FlowLogParquetWriter(codec, 1000, encoding).write(text);
            assertEquals(
                ParquetFixture.ofParquet(
                    new ParquetFlowLogReader(FlowLogReader.DEFAULT_MAX_LINE_BYTES), parquet),
                ParquetFixture.ofParquet(reader, parquet),
                encoding + " " + codec);
            read++;
          }
        }
      }
    }
    assertEquals(2 * 6 * 3 * 2, read);
  }

  /**
   * The encodings of the data pages of {@code parquet}'s column chunks, once checked that every
   * chunk's pages are of version 2 when {@code v2}, else of version 1.
   */
  private Set<Encoding> dataPageEncodings(byte[] parquet, boolean v2) throws IOException {
    Path file = Files.createTempFile(dir, "encodings", ".parquet");
    Files.write(file, parquet);
    Set<Encoding> encodings = new TreeSet<>();
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration())
            .withCodecFactory(new ParquetCodecs())
            .build();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
      for (BlockMetaData rowGroup : reader.getRowGroups()) {
        for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
          assertEquals(v2, chunk.getEncodingStats().usesV2Pages(), chunk.toString());
          encodings.addAll(chunk.getEncodingStats().getDataEncodings());
        }
      }
    }
    return encodings;
  }

  /** The records of one generated object of {@code records} records, as text. */
  private static String generatedText(int records) throws IOException {
    SampleSpec small =
        SampleSpec.small(
            java.time.Instant.parse("2020-09-13T12:00:00Z"), java.time.Duration.ofMinutes(5));
    SampleSpec spec =
        new SampleSpec(
            small.from(),
            small.duration(),
            small.objectInterval(),
            small.accounts(),
            small.regions(),
            records,
            800,
            small.layouts(),
            false,
            7);
    String[] text = new String[1];
    SampleFlowLogs.generate(
        spec,
        (key, bytes) -> {
          if (text[0] == null) {
            text[0] = io.vpcflow.digesterd.testing.Gzip.gunzip(bytes);
          }
        });
    return text[0];
  }

  /**
   * Typed as the real sample (written by pandas) is: {@code version} and {@code account_id} as
   * INT64, ports, protocol, packets and bytes as strings, some of them {@code "None"}.
   */
  @Test
  void stringAndInt64ColumnsAreReadLikeTheirText() throws Exception {
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message schema { optional int64 version; optional int64 account_id;"
                + " optional binary interface_id (STRING); optional binary srcaddr (STRING);"
                + " optional binary dstaddr (STRING); optional binary srcport (STRING);"
                + " optional binary dstport (STRING); optional binary protocol (STRING);"
                + " optional binary packets (STRING); optional binary bytes (STRING);"
                + " optional int64 start; optional int64 end; optional binary action (STRING);"
                + " optional binary log_status (STRING); }");
    String rows =
        String.join(
            "\n",
            "2 123456789010 eni-1 198.51.100.1 10.0.0.9 443 49152 6 10 840 1600000000 1600000060 ACCEPT OK",
            "2 123456789010 eni-1 None None None None None None None 1600000000 1600000060 None NODATA",
            "2 123456789010 eni-1 198.51.100.1 10.0.0.9 None 49152 6 10 840 1600000000 1600000060 ACCEPT OK",
            "2 123456789010 eni-1 198.51.100.1 10.0.0.9 443 70000 6 10 840 1600000000 1600000060 ACCEPT OK");
    Path file = writeRows(dir.resolve("typed.parquet"), schema, rows);
    Outcome parquet = ParquetFixture.ofParquet(Files.readAllBytes(file), dir);
    Outcome text =
        ParquetFixture.ofText(
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes"
                + " start end action log-status\n"
                + rows
                + "\n");

    assertEquals(
        Map.of(
            LineOutcome.DIGESTED, 1L,
            LineOutcome.NODATA, 1L,
            LineOutcome.NON_NUMERIC, 1L,
            LineOutcome.OUT_OF_RANGE, 1L),
        parquet.counts());
    assertEquals(text, parquet);
  }

  /**
   * Integer columns of numeric fields reach the reader as numbers: the same outcomes as their
   * digits, the bounds of ports, protocol and 18 digits included, and the line cap counted on the
   * digits they stand for.
   */
  @Test
  void integerNumberColumnsGiveTheOutcomesOfTheirDigits() throws Exception {
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message schema { required int32 version; required binary srcaddr (STRING);"
                + " required binary dstaddr (STRING); optional int32 srcport; optional int32"
                + " dstport; optional int32 protocol; required int64 packets; required int64 bytes;"
                + " required int64 start; optional int64 end; required binary log_status (STRING);"
                + " }");
    String rows =
        String.join(
            "\n",
            "2 2001:0db8:85a3:0000:0000:8a2e:0370:7334 10.0.0.2 443 49152 6 10 840 1600000000 1600000060 OK",
            "2 2001:0db8:85a3:0000:0000:8a2e:0370:7334 10.0.0.2 443 65536 6 10 840 1600000000 1600000060 OK",
            "2 2001:0db8:85a3:0000:0000:8a2e:0370:7334 10.0.0.2 -1 49152 6 10 840 1600000000 1600000060 OK",
            "2 2001:0db8:85a3:0000:0000:8a2e:0370:7334 10.0.0.2 443 49152 256 10 840 1600000000 1600000060 OK",
            "2 2001:0db8:85a3:0000:0000:8a2e:0370:7334 10.0.0.2 443 49152 6 10 1000000000000000000 1600000000 1600000060 OK",
            "2 2001:0db8:85a3:0000:0000:8a2e:0370:7334 10.0.0.2 443 49152 6 10 999999999999999999 1600000000 1600000060 OK",
            "2 2001:0db8:85a3:0000:0000:8a2e:0370:7334 10.0.0.2 65535 0 255 0 0 1600000000 1600000060 OK");
    Path file = writeRows(dir.resolve("integers.parquet"), schema, rows);
    byte[] bytes = Files.readAllBytes(file);
    Outcome parquet = ParquetFixture.ofParquet(bytes, dir);
    Outcome text =
        ParquetFixture.ofText(
            "version srcaddr dstaddr srcport dstport protocol packets bytes start end log-status\n"
                + rows
                + "\n");

    assertEquals(
        Map.of(
            LineOutcome.DIGESTED, 3L,
            LineOutcome.NON_NUMERIC, 2L,
            LineOutcome.OUT_OF_RANGE, 2L),
        parquet.counts());
    assertEquals(text, parquet);

    int firstRowBytes = rows.indexOf('\n'); // longer than the header line
    Outcome capped = ParquetFixture.ofParquet(bytes, dir, firstRowBytes);
    assertEquals(3, capped.counts().get(LineOutcome.LINE_TOO_LONG), capped.toString());
    assertEquals(
        ParquetFixture.ofText(
            "version srcaddr dstaddr srcport dstport protocol packets bytes start end log-status\n"
                + rows
                + "\n",
            firstRowBytes),
        capped);
  }

  @Test
  void doublesUnsignedNullsAndValuesNoLineCouldHold() throws Exception {
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message schema { required binary srcaddr (STRING); optional binary dstaddr (STRING);"
                + " optional double packets; optional int32 bytes (UINT_32); required int64 start;"
                + " optional int32 srcport; optional int32 dstport;"
                + " optional binary log_status (STRING); optional binary ecs_cluster_arn (STRING);"
                + " optional int96 end; }");
    Path file = dir.resolve("odd.parquet");
    try (ParquetWriter<Group> writer = writer(file, schema, CompressionCodecName.SNAPPY, true)) {
      SimpleGroupFactory groups = new SimpleGroupFactory(schema);
      writer.write(
          row(groups, "10.0.0.1", "10.0.0.2", 3.0, -1)
              .append("srcport", 49152)
              .append("dstport", 80)
              .append("ecs_cluster_arn", "has spaces, never read"));
      writer.write(row(groups, "10.0.0.1", "10.0.0.2", 2.5, 120));
      writer.write(row(groups, "10.0.0.1", "10.0.0.2", Double.NaN, 120));
      writer.write(row(groups, "10.0.0.1 10.0.0.3", "10.0.0.2", 1.0, 120));
      writer.write(row(groups, "10.0.0.1\n", "10.0.0.2", 1.0, 120));
      writer.write(row(groups, "", "10.0.0.2", 1.0, 120));
      writer.write(row(groups, "10.0.0.1", "-", 1.0, 120));
      writer.write(
          row(groups, "10.0.0.1", "10.0.0.2", 1.0, 120)
              .append("end", Binary.fromConstantByteArray(new byte[12])));
    }
    Outcome parquet = ParquetFixture.ofParquet(Files.readAllBytes(file), dir);

    assertEquals(
        Map.of(
            LineOutcome.DIGESTED, 1L,
            LineOutcome.NON_NUMERIC, 1L,
            LineOutcome.MISSING_VALUE, 3L,
            LineOutcome.INVALID_VALUE, 3L),
        parquet.counts());
    assertEquals(1, parquet.digest().size());
    String line = parquet.digest().get(0);
    assertTrue(line.contains(" 10.0.0.1 10.0.0.2 0 80 ") && line.contains(" 3 4294967295 "), line);
  }

  private static Group row(
      SimpleGroupFactory groups, String src, String dst, double packets, int bytes) {
    return groups
        .newGroup()
        .append("srcaddr", src)
        .append("dstaddr", dst)
        .append("packets", packets)
        .append("bytes", bytes)
        .append("start", 1600000000L)
        .append("log_status", "OK");
  }

  @Test
  void nonAsciiValuesAreCheckedAsUtf8LikeTextLines() throws Exception {
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message schema { optional binary srcaddr; optional binary dstaddr (STRING);"
                + " optional double packets; optional int32 bytes; optional int64 start;"
                + " optional binary log_status (STRING); }");
    Path file = dir.resolve("utf8.parquet");
    try (ParquetWriter<Group> writer = writer(file, schema, CompressionCodecName.GZIP, false)) {
      SimpleGroupFactory groups = new SimpleGroupFactory(schema);
      writer.write(row(groups, "10.0.0.1", "zürich", 1.0, 10));
      writer.write(
          groups
              .newGroup()
              .append("srcaddr", Binary.fromConstantByteArray(new byte[] {'1', (byte) 0xff}))
              .append("dstaddr", "10.0.0.2")
              .append("packets", 1.0)
              .append("bytes", 10)
              .append("start", 1600000000L)
              .append("log_status", "OK"));
    }
    Outcome parquet = ParquetFixture.ofParquet(Files.readAllBytes(file), dir);

    assertEquals(Map.of(LineOutcome.DIGESTED, 1L, LineOutcome.INVALID_UTF8, 1L), parquet.counts());
    assertTrue(parquet.digest().get(0).contains(" 10.0.0.1 zürich "), parquet.digest().toString());
  }

  @Test
  void aFileWithoutTheColumnsTheDigestNeedsCountsEveryRow() throws Exception {
    String text =
        "version account-id interface-id srcaddr dstaddr start end action log-status\n"
            + "2 1 eni-1 10.0.0.1 10.0.0.2 1600000000 1600000060 ACCEPT OK\n"
            + "2 1 eni-1 10.0.0.1 10.0.0.2 1600000000 1600000060 ACCEPT OK\n";
    Outcome parquet =
        ParquetFixture.ofParquet(
            new FlowLogParquetWriter(CompressionCodecName.GZIP, 1).write(text), dir);

    assertEquals(Map.of(LineOutcome.FORMAT_LACKS_FIELDS, 2L), parquet.counts());
    assertEquals(1, parquet.problems().size());
    assertEquals(
        "format lacks fields the digest needs [packets, bytes]: columns 'version account_id"
            + " interface_id srcaddr dstaddr start end action log_status'",
        parquet.problems().get(0));
  }

  @Test
  void filesThatAreNotReadableParquetAreRefusedWithAReason() throws Exception {
    byte[] good = new FlowLogParquetWriter(CompressionCodecName.GZIP, 4).write(V5_TEXT);
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
      out.write(V5_TEXT.getBytes(StandardCharsets.UTF_8));
    }
    byte[] flipped = good.clone();
    for (int i = 200; i < 260; i++) {
      flipped[i] ^= 0x5a;
    }
    byte[] hugeFooter = good.clone();
    hugeFooter[good.length - 8] = (byte) 0xff;
    hugeFooter[good.length - 7] = (byte) 0xff;
    hugeFooter[good.length - 6] = (byte) 0xff;
    hugeFooter[good.length - 5] = (byte) 0x7f;

    assertRefused(gzip.toByteArray(), "does not end with PAR1");
    assertRefused(Arrays.copyOf(good, good.length - 100), "does not end with PAR1");
    assertRefused(new byte[0], "too short");
    assertRefused(hugeFooter, "footer claims");
    assertRefused(flipped, "");
    assertRefused(Arrays.copyOfRange(good, 0, 4), "too short");
  }

  private void assertRefused(byte[] bytes, String reason) throws IOException {
    Path file = Files.createTempFile(dir, "bad", ".parquet");
    Files.write(file, bytes);
    UnreadableParquetException e =
        assertThrows(
            UnreadableParquetException.class,
            () -> new ParquetFlowLogReader(1024).read(new LocalInputFile(file), record -> true));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void theHandlersExceptionsPassUnchanged() throws Exception {
    Path file = dir.resolve("ok.parquet");
    Files.write(file, new FlowLogParquetWriter(CompressionCodecName.GZIP, 4).write(V5_TEXT));
    IllegalStateException thrown = new IllegalStateException("spill failed");

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new ParquetFlowLogReader(1024)
                    .read(
                        new LocalInputFile(file),
                        record -> {
                          throw thrown;
                        }));
    assertSame(thrown, e);
  }

  @Test
  void rowsLongerThanTheLineCapAreSkippedAsTooLong() throws Exception {
    String text =
        "version srcaddr dstaddr packets bytes start log-status\n"
            + "2 10.0.0.1 10.0.0.2 1 1 1600000000 OK\n"
            + "2 "
            + "a".repeat(300)
            + " 10.0.0.2 1 1 1600000000 OK\n";
    Path file = dir.resolve("long.parquet");
    Files.write(file, new FlowLogParquetWriter(CompressionCodecName.GZIP, 4).write(text));
    var table = new io.vpcflow.digesterd.digest.DigestTable(0, Long.MAX_VALUE);

    var result = new ParquetFlowLogReader(200).read(new LocalInputFile(file), table);

    assertEquals(1, result.counts().get(LineOutcome.DIGESTED));
    assertEquals(1, result.counts().get(LineOutcome.LINE_TOO_LONG));
    assertEquals(List.of(), result.formatProblems());
    assertTrue(FlowLogReader.DEFAULT_MAX_LINE_BYTES > 200);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aRowTooLongIsTooLongWhateverElseItHolds(boolean dictionary) throws Exception {
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message schema { required binary srcaddr (STRING); required binary dstaddr (STRING);"
                + " required double packets; required int32 bytes; required int64 start;"
                + " required binary log_status (STRING); }");
    String wide = "a".repeat(400_000);
    Path file = dir.resolve("wide.parquet");
    try (ParquetWriter<Group> writer =
        writer(file, schema, CompressionCodecName.GZIP, dictionary)) {
      SimpleGroupFactory groups = new SimpleGroupFactory(schema);
      writer.write(row(groups, wide, "10.0.0.2", 1.0, 10));
      writer.write(row(groups, "10.0.0.1", "b" + wide, 1.0, 10));
      writer.write(row(groups, "c" + wide, "d" + wide, 1.0, 10));
      writer.write(row(groups, "e" + wide + wide, "10.0.0.2", 1.0, 10));
      writer.write(row(groups, "f f" + wide.substring(100_000), "f" + wide, 1.0, 10));
      writer.write(row(groups, "g g", "10.0.0.2", 1.0, 10));
      writer.write(row(groups, "10.0.0.1", "10.0.0.2", 1.0, 10));
    }
    var table = new io.vpcflow.digesterd.digest.DigestTable(0, Long.MAX_VALUE);

    var result = new ParquetFlowLogReader(700_000).read(new LocalInputFile(file), table);

    assertEquals(
        Map.of(
            LineOutcome.DIGESTED, 3L,
            LineOutcome.LINE_TOO_LONG, 3L,
            LineOutcome.INVALID_VALUE, 1L),
        result.counts().nonZero());
    assertEquals(3, table.entries().size());
  }

  /**
   * Writes {@code rows}, one per line of single-space separated values in {@code schema}'s column
   * order, to {@code file} (GZIP, dictionary pages); INT32 and INT64 values are parsed as such.
   */
  private static Path writeRows(Path file, MessageType schema, String rows) throws IOException {
    try (ParquetWriter<Group> writer = writer(file, schema, CompressionCodecName.GZIP, true)) {
      SimpleGroupFactory groups = new SimpleGroupFactory(schema);
      for (String line : rows.split("\n")) {
        String[] v = line.split(" ");
        Group row = groups.newGroup();
        for (int i = 0; i < v.length; i++) {
          switch (schema.getType(i).asPrimitiveType().getPrimitiveTypeName()) {
            case INT32 -> row.add(i, Integer.parseInt(v[i]));
            case INT64 -> row.add(i, Long.parseLong(v[i]));
            default -> row.add(i, v[i]);
          }
        }
        writer.write(row);
      }
    }
    return file;
  }

  /** A writer of {@code schema} rows to {@code file}, as parquet-java writes them. */
  static ParquetWriter<Group> writer(
      Path file, MessageType schema, CompressionCodecName codec, boolean dictionary)
      throws IOException {
    return ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration())
        .withType(schema)
        .withCodecFactory(new ParquetCodecs())
        .withCompressionCodec(codec)
        .withDictionaryEncoding(dictionary)
        .build();
  }
}
