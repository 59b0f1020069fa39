package io.vpcflow.digesterd.parquet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * A Parquet footer's schema, stored as a depth-first list of {@link SchemaElement}s, as a {@link
 * MessageType}. Of the annotations only those that change how a flow-log reader reads a value are
 * kept: integers' width and sign and timestamps' unit, from the logical type or, when the two
 * disagree or only it is set, from the converted type (as parquet-java does).
 */
final class FooterSchema {
  /** The deepest nesting of groups read (flow-log columns are all top level). */
  static final int MAX_DEPTH = 64;

  private FooterSchema() {}

  /** The schema {@code elements} describe, their first the root. */
  static MessageType of(List<SchemaElement> elements) throws UnreadableParquetException {
    if (elements == null || elements.isEmpty()) {
      throw new UnreadableParquetException("the footer has no schema");
    }
    Iterator<SchemaElement> next = elements.iterator();
    SchemaElement root = next.next();
    List<Type> fields = children(next, root, elements.size(), 1);
    if (next.hasNext()) {
      throw new UnreadableParquetException(
          "the footer's schema has elements past its root's " + root.getNum_children() + " fields");
    }
    return new MessageType(root.getName() == null ? "schema" : root.getName(), fields);
  }

  private static List<Type> children(
      Iterator<SchemaElement> next, SchemaElement parent, int most, int depth)
      throws UnreadableParquetException {
    if (depth > MAX_DEPTH) {
      throw new UnreadableParquetException(
          "the footer's schema nests groups deeper than " + MAX_DEPTH);
    }
    int count = parent.getNum_children();
    if (!parent.isSetNum_children() || count <= 0 || count > most) {
      throw new UnreadableParquetException(
          "the footer's schema has a group '" + parent.getName() + "' of " + count + " fields");
    }
    List<Type> fields = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (!next.hasNext()) {
        throw new UnreadableParquetException(
            "the footer's schema ends inside group '" + parent.getName() + "'");
      }
      fields.add(type(next, next.next(), most, depth));
    }
    return fields;
  }

  private static Type type(Iterator<SchemaElement> next, SchemaElement element, int most, int depth)
      throws UnreadableParquetException {
    String name = element.getName();
    if (name == null || element.getRepetition_type() == null) {
      throw new UnreadableParquetException(
          "the footer's schema has a field without a name or a repetition: " + name);
    }
    Type.Repetition repetition = repetition(element.getRepetition_type());
    try {
      if (element.getType() == null) {
        return Types.buildGroup(repetition)
            .addFields(children(next, element, most, depth + 1).toArray(Type[]::new))
            .named(name);
      }
      Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> primitive =
          Types.primitive(primitive(element.getType()), repetition);
      if (element.isSetType_length()) {
        primitive.length(element.getType_length());
      }
      LogicalTypeAnnotation annotation = annotation(element);
      if (annotation != null) {
        primitive.as(annotation);
      }
      return primitive.named(name);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UnreadableParquetException(
          "the footer's schema has an invalid field '" + name + "': " + e.getMessage(), e);
    }
  }

  private static PrimitiveTypeName primitive(org.apache.parquet.format.Type type) {
    return switch (type) {
      case BOOLEAN -> PrimitiveTypeName.BOOLEAN;
      case INT32 -> PrimitiveTypeName.INT32;
      case INT64 -> PrimitiveTypeName.INT64;
      case INT96 -> PrimitiveTypeName.INT96;
      case FLOAT -> PrimitiveTypeName.FLOAT;
      case DOUBLE -> PrimitiveTypeName.DOUBLE;
      case BYTE_ARRAY -> PrimitiveTypeName.BINARY;
      case FIXED_LEN_BYTE_ARRAY -> PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
    };
  }

  private static Type.Repetition repetition(FieldRepetitionType repetition) {
    return switch (repetition) {
      case REQUIRED -> Type.Repetition.REQUIRED;
      case OPTIONAL -> Type.Repetition.OPTIONAL;
      case REPEATED -> Type.Repetition.REPEATED;
    };
  }

  /** The kept annotation of a primitive {@code element}; null when it has none kept. */
  static LogicalTypeAnnotation annotation(SchemaElement element) {
    LogicalTypeAnnotation logical =
        element.isSetLogicalType() ? fromLogicalType(element.getLogicalType()) : null;
    if (!element.isSetConverted_type()) {
      return logical;
    }
    LogicalTypeAnnotation converted = fromConvertedType(element.getConverted_type());
    boolean agree =
        logical != null
            && converted != null
            && Objects.equals(logical.toOriginalType(), converted.toOriginalType());
    return agree ? logical : converted;
  }

  private static LogicalTypeAnnotation fromLogicalType(LogicalType logical) {
    if (logical.isSetINTEGER()) {
      return LogicalTypeAnnotation.intType(
          logical.getINTEGER().getBitWidth(), logical.getINTEGER().isIsSigned());
    }
    if (logical.isSetTIMESTAMP()) {
      TimeUnit unit = logical.getTIMESTAMP().getUnit();
      if (unit.isSetMILLIS()) {
        return LogicalTypeAnnotation.timestampType(
            logical.getTIMESTAMP().isIsAdjustedToUTC(), LogicalTypeAnnotation.TimeUnit.MILLIS);
      }
      if (unit.isSetMICROS()) {
        return LogicalTypeAnnotation.timestampType(
            logical.getTIMESTAMP().isIsAdjustedToUTC(), LogicalTypeAnnotation.TimeUnit.MICROS);
      }
      if (unit.isSetNANOS()) {
        return LogicalTypeAnnotation.timestampType(
            logical.getTIMESTAMP().isIsAdjustedToUTC(), LogicalTypeAnnotation.TimeUnit.NANOS);
      }
    }
    return null;
  }

  private static LogicalTypeAnnotation fromConvertedType(ConvertedType converted) {
    return switch (converted) {
      case UINT_8 -> LogicalTypeAnnotation.intType(8, false);
      case UINT_16 -> LogicalTypeAnnotation.intType(16, false);
      case UINT_32 -> LogicalTypeAnnotation.intType(32, false);
      case UINT_64 -> LogicalTypeAnnotation.intType(64, false);
      case INT_8 -> LogicalTypeAnnotation.intType(8, true);
      case INT_16 -> LogicalTypeAnnotation.intType(16, true);
      case INT_32 -> LogicalTypeAnnotation.intType(32, true);
      case INT_64 -> LogicalTypeAnnotation.intType(64, true);
      case TIMESTAMP_MILLIS ->
          LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS);
      case TIMESTAMP_MICROS ->
          LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS);
      default -> null;
    };
  }
}
