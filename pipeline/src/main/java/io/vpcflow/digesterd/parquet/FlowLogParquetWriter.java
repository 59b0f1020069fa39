package io.vpcflow.digesterd.parquet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes flow-log records given as text (a header line naming the fields, then one record per line)
 * as a Parquet file in AWS's schema for flow logs delivered as Parquet: one optional column per
 * field, named with underscores; INT32 for {@code version}, ports, {@code protocol}, {@code
 * tcp-flags} and {@code traffic-path}; INT64 for {@code packets}, {@code bytes}, {@code start},
 * {@code end} and the transit-gateway packet counts; strings for the rest. {@code -} is written as
 * null. For samples, tests and benchmarks: the whole file is built in memory.
 */
public final class FlowLogParquetWriter {
  private static final Set<String> INT32_FIELDS =
      Set.of("version", "srcport", "dstport", "protocol", "tcp-flags", "traffic-path");
  private static final Set<String> INT64_FIELDS =
      Set.of(
          "packets",
          "bytes",
          "start",
          "end",
          "packets-lost-no-route",
          "packets-lost-blackhole",
          "packets-lost-mtu-exceeded",
          "packets-lost-ttl-expired");

  private final CompressionCodecName codec;
  private final int rowGroupRows;
  private final PageEncoding encoding;

  /**
   * How pages are encoded: AWS's files are {@link #AWS}; the others exist to test readers.
   *
   * @param version the page format and the encodings it allows (PARQUET_2_0: DELTA_* when not
   *     dictionary-encoded)
   * @param dictionary whether columns are dictionary-encoded while their dictionary fits
   * @param dictionaryPageBytes the size past which a column falls back to non-dictionary pages
   * @param pageRows the most rows per page
   */
  public record PageEncoding(
      WriterVersion version, boolean dictionary, int dictionaryPageBytes, int pageRows) {
    /** Version 1 pages, dictionary-encoded, parquet-java's default page sizes. */
    public static final PageEncoding AWS =
        new PageEncoding(WriterVersion.PARQUET_1_0, true, 1 << 20, 20_000);
  }

  /**
   * @param codec the page compression ({@code GZIP} as AWS writes, {@code SNAPPY} or {@code
   *     UNCOMPRESSED})
   * @param rowGroupRows the most rows per row group (AWS's files hold one or a few)
   */
  public FlowLogParquetWriter(CompressionCodecName codec, int rowGroupRows) {
    this(codec, rowGroupRows, PageEncoding.AWS);
  }

  /** A writer of pages encoded as {@code encoding} says. */
  public FlowLogParquetWriter(CompressionCodecName codec, int rowGroupRows, PageEncoding encoding) {
    this.codec = codec;
    this.rowGroupRows = rowGroupRows;
    this.encoding = encoding;
  }

  /** The AWS schema for records with the given header fields, in that order. */
  public static MessageType schema(List<String> fields) {
    List<Type> columns = new ArrayList<>();
    for (String field : fields) {
      String column = field.replace('-', '_');
      if (INT32_FIELDS.contains(field)) {
        columns.add(Types.optional(PrimitiveTypeName.INT32).named(column));
      } else if (INT64_FIELDS.contains(field)) {
        columns.add(Types.optional(PrimitiveTypeName.INT64).named(column));
      } else {
        columns.add(
            Types.optional(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType())
                .named(column));
      }
    }
    return new MessageType("schema", columns);
  }

  /**
   * The Parquet file of {@code text}'s records.
   *
   * @throws IllegalArgumentException when a line does not have the header's field count or a
   *     numeric column's value is not a number
   */
  public byte[] write(String text) throws IOException {
    String[] lines = text.split("\n");
    List<String> fields = List.of(lines[0].trim().split("\\s+"));
    MessageType schema = schema(fields);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    InMemoryOutputFile file = new InMemoryOutputFile();
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(file)
            .withConf(new PlainParquetConfiguration())
            .withType(schema)
            .withCodecFactory(new ParquetCodecs())
            .withCompressionCodec(codec)
            .withRowGroupRowCountLimit(rowGroupRows)
            .withWriterVersion(encoding.version())
            .withDictionaryEncoding(encoding.dictionary())
            .withDictionaryPageSize(encoding.dictionaryPageBytes())
            .withPageRowCountLimit(encoding.pageRows())
            .build()) {
      for (int l = 1; l < lines.length; l++) {
        if (!lines[l].isBlank()) {
          writer.write(row(groups, fields, lines[l]));
        }
      }
    }
    return file.bytes.toByteArray();
  }

  private static Group row(SimpleGroupFactory groups, List<String> fields, String line) {
    String[] values = line.trim().split("\\s+");
    if (values.length != fields.size()) {
      throw new IllegalArgumentException(
          "a line has " + values.length + " fields, the header " + fields.size() + ": " + line);
    }
    Group row = groups.newGroup();
    for (int i = 0; i < values.length; i++) {
      String field = fields.get(i);
      String value = values[i];
      if (value.equals("-")) {
        continue;
      }
      if (INT32_FIELDS.contains(field)) {
        row.add(i, Integer.parseInt(value));
      } else if (INT64_FIELDS.contains(field)) {
        row.add(i, Long.parseLong(value));
      } else {
        row.add(i, value);
      }
    }
    return row;
  }

  /** An output file held in memory. */
  private static final class InMemoryOutputFile implements OutputFile {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new PositionOutputStream() {
        @Override
        public long getPos() {
          return bytes.size();
        }

        @Override
        public void write(int b) {
          bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          bytes.write(b, off, len);
        }
      };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      bytes.reset();
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }
}
