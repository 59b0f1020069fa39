package io.vpcflow.digesterd.parquet;

import io.vpcflow.digesterd.flowlog.DigestField;
import io.vpcflow.digesterd.flowlog.FlowLogFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The columns of a Parquet flow-log object that the digest reads: the top-level, non-repeated
 * primitive columns whose names, lower-cased with underscores read as hyphens ({@code log_status}
 * is {@code log-status}), name a {@link DigestField}; the first such column wins when two name the
 * same field. Other columns are never read.
 *
 * @param projection the schema to request from the file: the chosen columns, in file order
 * @param format the text format of a row rendered from {@link #projection}'s columns, in order
 */
public record FlowLogColumns(MessageType projection, FlowLogFormat format) {

  /** The header name a Parquet column stands for: {@code pkt_srcaddr} is {@code pkt-srcaddr}. */
  public static String fieldName(String column) {
    return column.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The columns of {@code schema} the digest reads. */
  public static FlowLogColumns of(MessageType schema) {
    Set<String> digestNames = new HashSet<>();
    for (DigestField field : DigestField.values()) {
      digestNames.add(field.headerName());
    }
    List<Type> chosen = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Type column : schema.getFields()) {
      String name = fieldName(column.getName());
      if (column.isPrimitive()
          && !column.isRepetition(Type.Repetition.REPEATED)
          && digestNames.contains(name)
          && !names.contains(name)) {
        chosen.add(column);
        names.add(name);
      }
    }
    return new FlowLogColumns(
        new MessageType(schema.getName(), chosen), FlowLogFormat.fromNames(names));
  }

  /** The physical type and annotations of the {@code i}-th chosen column. */
  public PrimitiveType column(int i) {
    return projection.getType(i).asPrimitiveType();
  }
}
