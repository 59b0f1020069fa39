package io.vpcflow.digesterd.layout;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS file-name rule for flow-log objects delivered to S3: {@code
 * <account>_vpcflowlogs_<region>_<flow-log-id>_<YYYYMMDDTHHmmZ>_<hash>.log.gz}, or {@code
 * .log.parquet} for objects delivered as Parquet.
 *
 * @param account the account id
 * @param region the region
 * @param flowLogId the flow log's id ({@code fl-...})
 * @param timestamp the file's time stamp (UTC, minute precision)
 * @param format how the object's records are stored, told by the name's ending
 */
public record FlowLogObjectName(
    String account, String region, String flowLogId, Instant timestamp, ObjectFormat format) {
  /** What a flow-log object's file name looks like, for messages. */
  public static final String RULE =
      "<account>_vpcflowlogs_<region>_<flow-log-id>_<YYYYMMDDTHHmmZ>_<hash>.log.gz or .log.parquet";

  private static final Pattern NAME =
      Pattern.compile(
          "(\\d+)_vpcflowlogs_([a-z0-9-]+)_(fl-[0-9A-Za-z]+)_(\\d{8}T\\d{4}Z)_([0-9A-Za-z]+)"
              + "\\.log\\.(?:gz|parquet)");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm'Z'").withResolverStyle(ResolverStyle.STRICT);

  /** The name of a gzip'd text object ({@link ObjectFormat#TEXT}). */
  public FlowLogObjectName(String account, String region, String flowLogId, Instant timestamp) {
    this(account, region, flowLogId, timestamp, ObjectFormat.TEXT);
  }

  /** Parses the last path segment of {@code key}; empty when it does not follow the rule. */
  public static Optional<FlowLogObjectName> parseKey(String key) {
    String fileName = key.substring(key.lastIndexOf('/') + 1);
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Instant stamp = LocalDateTime.parse(m.group(4), STAMP).toInstant(ZoneOffset.UTC);
      ObjectFormat format = ObjectFormat.ofKey(fileName).orElseThrow();
      return Optional.of(new FlowLogObjectName(m.group(1), m.group(2), m.group(3), stamp, format));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The file name of an object with these parts and the given hash. */
  public String fileName(String hash) {
    return account
        + "_vpcflowlogs_"
        + region
        + "_"
        + flowLogId
        + "_"
        + STAMP.format(timestamp.atOffset(ZoneOffset.UTC))
        + "_"
        + hash
        + format.suffix();
  }
}
