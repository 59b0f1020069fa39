package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.flowlog.FlowLogReader;
import io.vpcflow.digesterd.flowlog.ObjectParseResult;
import io.vpcflow.digesterd.layout.FlowLogObjectName;
import io.vpcflow.digesterd.layout.ObjectFormat;
import io.vpcflow.digesterd.parquet.ParquetFlowLogReader;
import io.vpcflow.digesterd.testing.Gzip;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SampleDataCommandTest {
  @TempDir Path dir;

  @Test
  void writesOneObjectPerFiveMinutesInTheAwsLayoutWithAHeaderAndTheRecords() throws Exception {
    CommandLine cli = DigesterdCommand.commandLine(Map.of());
    cli.setOut(new PrintWriter(new StringWriter()));
    int exit =
        cli.execute(
            "sample-data",
            "--dir",
            dir.toString(),
            "--from",
            "2024-05-01T00:00:00Z",
            "--hours",
            "1",
            "--accounts",
            "1",
            "--regions",
            "us-east-1",
            "--records-per-object",
            "10",
            "--conversations",
            "5",
            "--layouts",
            "HIVE",
            "--hourly");
    assertEquals(0, exit);
    List<Path> objects;
    try (Stream<Path> files = Files.walk(dir)) {
      objects = files.filter(Files::isRegularFile).sorted().toList();
    }
    assertEquals(12, objects.size());
    for (Path object : objects) {
      String key = dir.relativize(object).toString();
      assertTrue(
          key.startsWith(
              "AWSLogs/aws-account-id=111111111111/aws-service=vpcflowlogs/aws-region=us-east-1/year=2024/month=05/day=01/hour=00/"),
          key);
      FlowLogObjectName name = FlowLogObjectName.parseKey(key).orElseThrow();
      assertTrue(!name.timestamp().isBefore(Instant.parse("2024-05-01T00:00:00Z")), key);
      String[] lines = Gzip.gunzip(Files.readAllBytes(object)).split("\n");
      assertEquals(11, lines.length, key);
      assertTrue(lines[0].startsWith("version account-id interface-id"), lines[0]);
    }
  }

  @Test
  void withFormatParquetWritesTheSameRecordsAsParquetInAwsSchemaAndNaming() throws Exception {
    Path text = dir.resolve("text");
    Path parquet = dir.resolve("parquet");
    for (String[] run :
        List.of(
            new String[] {"text", text.toString()}, new String[] {"parquet", parquet.toString()})) {
      CommandLine cli = DigesterdCommand.commandLine(Map.of());
      cli.setOut(new PrintWriter(new StringWriter()));
      assertEquals(
          0,
          cli.execute(
              "sample-data",
              "--dir",
              run[1],
              "--format",
              run[0],
              "--from",
              "2024-05-01T00:00:00Z",
              "--hours",
              "1",
              "--accounts",
              "2",
              "--regions",
              "us-east-1",
              "--records-per-object",
              "300",
              "--conversations",
              "50"));
    }
    List<Path> texts = files(text);
    List<Path> parquets = files(parquet);
    assertEquals(24, parquets.size());
    for (int i = 0; i < texts.size(); i++) {
      String textKey = text.relativize(texts.get(i)).toString();
      String parquetKey = parquet.relativize(parquets.get(i)).toString();
      assertEquals(textKey.replace(".log.gz", ".log.parquet"), parquetKey);
      assertEquals(
          ObjectFormat.PARQUET, FlowLogObjectName.parseKey(parquetKey).orElseThrow().format());

      DigestTable fromText = new DigestTable(0, Long.MAX_VALUE);
      new FlowLogReader()
          .read(
              new java.io.ByteArrayInputStream(
                  Gzip.gunzip(Files.readAllBytes(texts.get(i))).getBytes(StandardCharsets.UTF_8)),
              fromText);
      DigestTable fromParquet = new DigestTable(0, Long.MAX_VALUE);
      ObjectParseResult result =
          new ParquetFlowLogReader(FlowLogReader.DEFAULT_MAX_LINE_BYTES)
              .read(new LocalInputFile(parquets.get(i)), fromParquet);
      assertEquals(300, result.counts().total(), parquetKey);
      assertEquals(fromText.entries(), fromParquet.entries(), parquetKey);
    }
    try (ParquetFileReader file =
        ParquetFileReader.open(
            new LocalInputFile(parquets.get(0)),
            ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      MessageType schema = file.getFooter().getFileMetaData().getSchema();
      assertEquals(
          PrimitiveTypeName.INT32,
          schema.getType("dstport").asPrimitiveType().getPrimitiveTypeName());
      assertEquals(
          PrimitiveTypeName.INT64,
          schema.getType("bytes").asPrimitiveType().getPrimitiveTypeName());
      assertEquals(
          PrimitiveTypeName.BINARY,
          schema.getType("log_status").asPrimitiveType().getPrimitiveTypeName());
      assertEquals(
          CompressionCodecName.GZIP,
          file.getFooter().getBlocks().get(0).getColumns().get(0).getCodec());
    }
  }

  @Test
  void anUnknownFormatIsAnErrorNamingTheOption() {
    CommandLine cli = DigesterdCommand.commandLine(Map.of());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("sample-data", "--dir", dir.toString(), "--format", "orc");
    assertEquals(2, exit);
    assertTrue(
        err.toString().contains("--format") && err.toString().contains("'orc' is not a format"),
        err.toString());
  }

  private static List<Path> files(Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
