package io.vpcflow.digesterd.flowlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field layout of a flow log: how many fields a record has and at which position each {@link
 * DigestField} sits. Built from a header line (any order, any custom or transit-gateway format) or
 * the default v2 layout for objects without a header. Immutable.
 */
public final class FlowLogFormat {

  /** The AWS default format, version 2, used when an object has no header line. */
  public static final FlowLogFormat V2 =
      fromNames(
          List.of(
              "version",
              "account-id",
              "interface-id",
              "srcaddr",
              "dstaddr",
              "srcport",
              "dstport",
              "protocol",
              "packets",
              "bytes",
              "start",
              "end",
              "action",
              "log-status"));

  private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9-]*");

  /**
   * Every field AWS documents for VPC and transit-gateway flow logs (versions 2 to 8). A header
   * needs one of them, not one the digest reads: a transit-gateway-only format such as {@code
   * resource-type tgw-id ... packets-lost-ttl-expired} names none of the digest's fields but is a
   * header all the same, and its records must be reported as {@link
   * LineOutcome#FORMAT_LACKS_FIELDS}, not read against the previous format.
   */
  private static final Set<String> AWS_FIELD_NAMES =
      Set.of(
          // VPC flow logs, v2 (default format)
          "version",
          "account-id",
          "interface-id",
          "srcaddr",
          "dstaddr",
          "srcport",
          "dstport",
          "protocol",
          "packets",
          "bytes",
          "start",
          "end",
          "action",
          "log-status",
          // v3
          "vpc-id",
          "subnet-id",
          "instance-id",
          "tcp-flags",
          "type",
          "pkt-srcaddr",
          "pkt-dstaddr",
          // v4
          "region",
          "az-id",
          "sublocation-type",
          "sublocation-id",
          // v5
          "pkt-src-aws-service",
          "pkt-dst-aws-service",
          "flow-direction",
          "traffic-path",
          // v7 (ECS)
          "ecs-cluster-arn",
          "ecs-cluster-name",
          "ecs-container-instance-arn",
          "ecs-container-instance-id",
          "ecs-container-id",
          "ecs-second-container-id",
          "ecs-service-name",
          "ecs-task-definition-arn",
          "ecs-task-arn",
          "ecs-task-id",
          // v8 and later
          "reject-reason",
          "encryption-status",
          // transit-gateway flow logs
          "resource-type",
          "tgw-id",
          "tgw-attachment-id",
          "tgw-src-vpc-account-id",
          "tgw-dst-vpc-account-id",
          "tgw-src-vpc-id",
          "tgw-dst-vpc-id",
          "tgw-src-subnet-id",
          "tgw-dst-subnet-id",
          "tgw-src-eni",
          "tgw-dst-eni",
          "tgw-src-az-id",
          "tgw-dst-az-id",
          "tgw-pair-attachment-id",
          "packets-lost-no-route",
          "packets-lost-blackhole",
          "packets-lost-mtu-exceeded",
          "packets-lost-ttl-expired");

  private final List<String> names;
  private final int fieldCount;
  private final int[] positions;

  private FlowLogFormat(List<String> names, int[] positions) {
    this.names = names;
    this.fieldCount = names.size();
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
   * one is a field AWS documents for VPC or transit-gateway flow logs (not necessarily one the
   * digest reads, so transit-gateway-only formats are headers too; unknown newer fields are
   * accepted next to a known one). Data lines always hold a value with a digit, dot or colon, or a
   * {@code -}, so they never qualify; neither does stray lowercase text such as {@code bogus line}.
   */
  public static boolean isHeader(List<String> tokens) {
    boolean knowsOne = false;
    for (String token : tokens) {
      if (!FIELD_NAME.matcher(token).matches()) {
        return false;
      }
      knowsOne |= AWS_FIELD_NAMES.contains(token);
    }
    return knowsOne;
  }

  /** The number of fields of every record of this format. */
  public int fieldCount() {
    return fieldCount;
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
