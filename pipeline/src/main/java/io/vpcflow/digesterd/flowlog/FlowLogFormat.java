package io.vpcflow.digesterd.flowlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field layout of a flow log: how many fields a record has and at which position each
 * {@link DigestField} sits. Built from a header line (any order, any custom or transit-gateway
 * format) or the default v2 layout for objects without a header. Immutable.
 */
public final class FlowLogFormat {

  /** The AWS default format, version 2, used when an object has no header line. */
  public static final FlowLogFormat V2 =
      fromNames(
          List.of(
              "version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport",
              "protocol", "packets", "bytes", "start", "end", "action", "log-status"));

  private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9-]*");

  private final List<String> names;
  private final int[] positions;

  private FlowLogFormat(List<String> names, int[] positions) {
    this.names = names;
    this.positions = positions;
  }

  /** Builds the format named by a header's field names, in order. */
  public static FlowLogFormat fromNames(List<String> names) {
    int[] positions = new int[DigestField.values().length];
    Arrays.fill(positions, -1);
    for (int i = 0; i < names.size(); i++) {
      for (DigestField field : DigestField.values()) {
        if (field.headerName().equals(names.get(i)) && positions[field.ordinal()] < 0) {
          positions[field.ordinal()] = i;
        }
      }
    }
    return new FlowLogFormat(Collections.unmodifiableList(new ArrayList<>(names)), positions);
  }

  /**
   * Whether the tokens of a line form a header: every token looks like a field name and at least
   * one is a field the digest knows. Data lines always hold a value with a digit, dot or colon, or
   * a {@code -}, so they never qualify.
   */
  public static boolean isHeader(List<String> tokens) {
    boolean knowsOne = false;
    for (String token : tokens) {
      if (!FIELD_NAME.matcher(token).matches()) {
        return false;
      }
      for (DigestField field : DigestField.values()) {
        knowsOne |= field.headerName().equals(token);
      }
    }
    return knowsOne;
  }

  /** The number of fields of every record of this format. */
  public int fieldCount() {
    return names.size();
  }

  /** The field names in record order. */
  public List<String> names() {
    return names;
  }

  /** The 0-based position of a field in a record, or -1 when the format lacks it. */
  public int position(DigestField field) {
    return positions[field.ordinal()];
  }

  /** The fields the digest needs that this format lacks; empty when it can be digested. */
  public Set<DigestField> missingRequiredFields() {
    Set<DigestField> missing = EnumSet.noneOf(DigestField.class);
    for (DigestField field : DigestField.values()) {
      if (field.requiredByDigest() && position(field) < 0) {
        missing.add(field);
      }
    }
    return missing;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FlowLogFormat && ((FlowLogFormat) other).names.equals(names);
  }

  @Override
  public int hashCode() {
    return names.hashCode();
  }

  @Override
  public String toString() {
    return String.join(" ", names);
  }
}
