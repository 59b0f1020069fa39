package io.vpcflow.digesterd.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.IntType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.MicroSeconds;
import org.apache.parquet.format.MilliSeconds;
import org.apache.parquet.format.NanoSeconds;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.TimestampType;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;

/**
 * A footer's schema elements read as parquet-java reads them (names, types, repetitions, lengths,
 * groups, and the integer and timestamp annotations, whichever of the logical and converted types
 * carries them); schemas that do not describe a tree of fields are refused with a reason.
 */
class FooterSchemaTest {
  private static final FieldRepetitionType REQUIRED = FieldRepetitionType.REQUIRED;
  private static final FieldRepetitionType OPTIONAL = FieldRepetitionType.OPTIONAL;

  @Test
  void everyFieldIsReadAsParquetJavaReadsIt() throws Exception {
    List<SchemaElement> elements =
        List.of(
            group("schema", null, 15),
            leaf("text", org.apache.parquet.format.Type.BYTE_ARRAY, OPTIONAL)
                .setConverted_type(ConvertedType.UTF8)
                .setLogicalType(LogicalType.STRING(new StringType())),
            leaf("u32", org.apache.parquet.format.Type.INT32, REQUIRED)
                .setConverted_type(ConvertedType.UINT_32),
            leaf("u16", org.apache.parquet.format.Type.INT32, OPTIONAL)
                .setLogicalType(LogicalType.INTEGER(new IntType((byte) 16, false))),
            leaf("s64", org.apache.parquet.format.Type.INT64, OPTIONAL)
                .setLogicalType(LogicalType.INTEGER(new IntType((byte) 64, true)))
                .setConverted_type(ConvertedType.INT_64),
            leaf("micros", org.apache.parquet.format.Type.INT64, OPTIONAL)
                .setLogicalType(timestamp(TimeUnit.MICROS(new MicroSeconds()), true))
                .setConverted_type(ConvertedType.TIMESTAMP_MICROS),
            leaf("nanos", org.apache.parquet.format.Type.INT64, OPTIONAL)
                .setLogicalType(timestamp(TimeUnit.NANOS(new NanoSeconds()), false)),
            leaf("localMillis", org.apache.parquet.format.Type.INT64, OPTIONAL)
                .setLogicalType(timestamp(TimeUnit.MILLIS(new MilliSeconds()), false)),
            leaf("disagree", org.apache.parquet.format.Type.INT64, OPTIONAL)
                .setLogicalType(LogicalType.INTEGER(new IntType((byte) 64, true)))
                .setConverted_type(ConvertedType.UINT_64),
            leaf("millis", org.apache.parquet.format.Type.INT64, REQUIRED)
                .setConverted_type(ConvertedType.TIMESTAMP_MILLIS),
            leaf("fixed", org.apache.parquet.format.Type.FIXED_LEN_BYTE_ARRAY, OPTIONAL)
                .setType_length(16),
            group("nested", OPTIONAL, 2),
            leaf("x", org.apache.parquet.format.Type.INT32, REQUIRED),
            leaf("y", org.apache.parquet.format.Type.BYTE_ARRAY, FieldRepetitionType.REPEATED),
            leaf("d", org.apache.parquet.format.Type.DOUBLE, OPTIONAL),
            leaf("b", org.apache.parquet.format.Type.BOOLEAN, OPTIONAL),
            leaf("i96", org.apache.parquet.format.Type.INT96, OPTIONAL),
            leaf("f", org.apache.parquet.format.Type.FLOAT, REQUIRED));

    MessageType ours = FooterSchema.of(elements);
    MessageType theirs = parquetJava(elements);

    assertEquals(theirs.getName(), ours.getName());
    assertSameFields(theirs.getFields(), ours.getFields());
    assertEquals(
        LogicalTypeAnnotation.intType(64, false),
        ours.getType("disagree").getLogicalTypeAnnotation(),
        "the converted type wins when the two disagree");
    assertEquals(
        LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.NANOS),
        ours.getType("nanos").getLogicalTypeAnnotation());
  }

  @Test
  void schemasThatAreNotATreeOfFieldsAreRefused() {
    SchemaElement text = leaf("text", org.apache.parquet.format.Type.BYTE_ARRAY, OPTIONAL);
    assertRefused(List.of(), "no schema");
    assertRefused(List.of(group("schema", null, 2), text), "ends inside group 'schema'");
    assertRefused(List.of(group("schema", null, 1), text, text), "elements past its root");
    assertRefused(List.of(group("schema", null, 0)), "group 'schema' of 0 fields");
    assertRefused(List.of(group("schema", null, 1), group("g", OPTIONAL, 5)), "group 'g' of 5");
    assertRefused(
        List.of(group("schema", null, 1), leaf("r", org.apache.parquet.format.Type.INT32, null)),
        "without a name or a repetition");
    assertRefused(
        List.of(
            group("schema", null, 1),
            leaf("n", org.apache.parquet.format.Type.BYTE_ARRAY, OPTIONAL)
                .setLogicalType(LogicalType.INTEGER(new IntType((byte) 32, true)))),
        "invalid field 'n'");
    assertRefused(
        List.of(
            group("schema", null, 1),
            leaf("fixed", org.apache.parquet.format.Type.FIXED_LEN_BYTE_ARRAY, OPTIONAL)),
        "invalid field 'fixed'");
  }

  @Test
  void groupsNestedDeeperThanTheLimitAreRefused() throws Exception {
    assertEquals(
        "leaf",
        FooterSchema.of(nested(FooterSchema.MAX_DEPTH - 1))
            .getColumns()
            .get(0)
            .getPrimitiveType()
            .getName());
    assertRefused(nested(FooterSchema.MAX_DEPTH), "nests groups deeper than 64");
    assertRefused(nested(100_000), "nests groups deeper than 64");
  }

  /** A schema of {@code groups} groups, each the one field of the one before, and a leaf. */
  private static List<SchemaElement> nested(int groups) {
    List<SchemaElement> elements = new ArrayList<>();
    elements.add(group("schema", null, 1));
    for (int i = 0; i < groups; i++) {
      elements.add(group("g" + i, OPTIONAL, 1));
    }
    elements.add(leaf("leaf", org.apache.parquet.format.Type.INT32, OPTIONAL));
    return elements;
  }

  private static void assertRefused(List<SchemaElement> elements, String reason) {
    UnreadableParquetException e =
        assertThrows(UnreadableParquetException.class, () -> FooterSchema.of(elements));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  /**
   * Asserts that {@code ours} are {@code theirs}, but for the annotations {@link FooterSchema} does
   * not keep.
   */
  private static void assertSameFields(List<Type> theirs, List<Type> ours) {
    assertEquals(theirs.size(), ours.size());
    for (int i = 0; i < theirs.size(); i++) {
      Type their = theirs.get(i);
      Type our = ours.get(i);
      assertEquals(their.getName(), our.getName());
      assertEquals(their.getRepetition(), our.getRepetition(), our.getName());
      assertEquals(their.isPrimitive(), our.isPrimitive(), our.getName());
      if (their.isPrimitive()) {
        assertEquals(
            their.asPrimitiveType().getPrimitiveTypeName(),
            our.asPrimitiveType().getPrimitiveTypeName(),
            our.getName());
        assertEquals(
            their.asPrimitiveType().getTypeLength(),
            our.asPrimitiveType().getTypeLength(),
            our.getName());
        LogicalTypeAnnotation kept = their.getLogicalTypeAnnotation();
        if (!(kept instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation
            || kept instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation)) {
          kept = null;
        }
        assertEquals(kept, our.getLogicalTypeAnnotation(), our.getName());
      } else {
        assertSameFields(their.asGroupType().getFields(), our.asGroupType().getFields());
      }
    }
  }

  /** The schema parquet-java reads from a file whose footer holds {@code elements}. */
  private static MessageType parquetJava(List<SchemaElement> elements) throws Exception {
    FileMetaData meta = new FileMetaData(1, new ArrayList<>(elements), 0, new ArrayList<>());
    ByteArrayOutputStream footer = new ByteArrayOutputStream();
    Util.writeFileMetaData(meta, footer);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write("PAR1".getBytes(StandardCharsets.US_ASCII));
    footer.writeTo(file);
    file.write(ParquetFixture.tail(footer.size()));
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            new ByteArrayInputFile(file.toByteArray()),
            ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      return reader.getFooter().getFileMetaData().getSchema();
    }
  }

  private static SchemaElement group(String name, FieldRepetitionType repetition, int children) {
    SchemaElement element = new SchemaElement(name).setNum_children(children);
    return repetition == null ? element : element.setRepetition_type(repetition);
  }

  private static SchemaElement leaf(
      String name, org.apache.parquet.format.Type type, FieldRepetitionType repetition) {
    SchemaElement element = new SchemaElement(name).setType(type);
    return repetition == null ? element : element.setRepetition_type(repetition);
  }

  private static LogicalType timestamp(TimeUnit unit, boolean utc) {
    return LogicalType.TIMESTAMP(new TimestampType(utc, unit));
  }
}
