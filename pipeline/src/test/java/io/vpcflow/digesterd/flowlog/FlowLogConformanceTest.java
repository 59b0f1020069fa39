package io.vpcflow.digesterd.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.digest.DigestLines;
import io.vpcflow.digesterd.digest.DigestTable;
import io.vpcflow.digesterd.testing.RealFlowLogs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads every {@code *.log} of the real-world fixture collection {@code
 * shared/fixtures/real-flowlogs} (a sibling of the project root; see its SOURCES.md) and checks the
 * exact outcome of every line against the table below, plus the exact digest of a few files.
 * Skipped, with a notice on stdout, when the collection is not there.
 */
class FlowLogConformanceTest {
  /** A window wide enough for every record: 1970-01-01 to 2100-01-01. */
  static final long WINDOW_START = 0;

  static final long WINDOW_STOP = 4_102_444_800L;

  /**
   * One fixture: its path under the collection, the number of records SOURCES.md documents for it
   * (lines that are neither header nor blank), the number of format problems the reader reports,
   * and the exact non-zero line counts.
   */
  record Row(String path, int documentedRecords, int formatProblems, String counts, String note) {
    Map<LineOutcome, Long> expectedCounts() {
      Map<LineOutcome, Long> map = new EnumMap<>(LineOutcome.class);
      for (String pair : counts.trim().split("\\s+")) {
        String[] kv = pair.split("=");
        map.put(LineOutcome.valueOf(kv[0]), Long.parseLong(kv[1]));
      }
      return map;
    }
  }

  private static Row row(String path, int documentedRecords, int formatProblems, String counts) {
    return new Row(path, documentedRecords, formatProblems, counts, "");
  }

  private static Row row(
      String path, int documentedRecords, int formatProblems, String counts, String note) {
    return new Row(path, documentedRecords, formatProblems, counts, note);
  }

  private static final String AWSDOCS = "awsdocs-amazon-vpc-user-guide/extracted/";
  private static final String BEATS = "elastic-beats-module-vpcflow/";
  private static final String INTEGRATIONS = "elastic-integrations-aws-vpcflow/";
  private static final String FLOWLOGS_READER = "flowlogs-reader/";
  private static final String OTEL = "otel-collector-contrib-awslogsencoding-vpcflow/";

  /** The expected outcome of every line of every fixture. */
  static final List<Row> TABLE =
      List.of(
          // ---- AWS documentation examples
          row(AWSDOCS + "flow-log-example-accepted-rejected.log", 2, 0, "DIGESTED=2"),
          row(AWSDOCS + "flow-log-example-ipv6.log", 1, 0, "DIGESTED=1"),
          row(
              AWSDOCS + "flow-log-example-nat.log",
              6,
              1,
              "HEADER=1 FORMAT_LACKS_FIELDS=4 WRONG_FIELD_COUNT=2",
              "policy: the format has no packets/bytes/start; the two records with trailing"
                  + " '#comment' text have 16 and 17 tokens and the field count is checked"
                  + " before the format's usability, so they are WRONG_FIELD_COUNT"),
          row(AWSDOCS + "flow-log-example-no-data.log", 2, 0, "NODATA=1 SKIPDATA=1"),
          row(AWSDOCS + "flow-log-example-security-groups.log", 2, 0, "DIGESTED=2"),
          row(
              AWSDOCS + "flow-log-example-tcp-flag.log",
              8,
              0,
              "HEADER=1 DIGESTED=8",
              "the double space in the last record is one separator: 21 fields, digested"),
          row(
              AWSDOCS + "flow-log-example-tgw.log",
              4,
              1,
              "HEADER=1 FORMAT_LACKS_FIELDS=4",
              "transit-gateway path example: no packets/bytes/start"),
          row(
              AWSDOCS + "flow-log-example-traffic-path.log",
              2,
              0,
              "HEADER=1 DIGESTED=2",
              "v5 fields in non-default order"),
          // ---- elastic/beats filebeat module
          row(BEATS + "accept-reject-traffic.log", 4, 0, "HEADER=1 DIGESTED=4"),
          row(
              BEATS + "bad.log",
              1,
              0,
              "WRONG_FIELD_COUNT=1",
              "'Phony unsupported log format.' is no header (uppercase, names no field):"
                  + " a v2 line of 4 fields"),
          row(BEATS + "custom-nat-gateway.log", 2, 1, "HEADER=1 FORMAT_LACKS_FIELDS=2"),
          row(BEATS + "custom-transit-gateway.log", 1, 1, "HEADER=1 FORMAT_LACKS_FIELDS=1"),
          row(BEATS + "ipv6.log", 1, 0, "DIGESTED=1"),
          row(BEATS + "no-data-skip-data.log", 2, 0, "NODATA=1 SKIPDATA=1"),
          row(
              BEATS + "tcp-flag-sequence-skip-data.log",
              2,
              0,
              "HEADER=2 SKIPDATA=1 BLANK=1 NODATA=1",
              "two concatenated objects: header repeated after a blank line"),
          row(BEATS + "tcp-flag-sequence.log", 1, 0, "HEADER=1 DIGESTED=1"),
          // ---- elastic/integrations aws package: no headers, layouts guessed by field count
          row(
              INTEGRATIONS + "deploy-tf-files/test-extra-samples.log",
              9,
              0,
              "DIGESTED=5 NODATA=1 SKIPDATA=1 WRONG_FIELD_COUNT=2",
              "policy: without a header a line is v2; the 39-field (ECS) and 36-field (TGW)"
                  + " lines are not guessed by their field count"),
          row(
              INTEGRATIONS + "test-ecs-samples.log",
              10,
              0,
              "WRONG_FIELD_COUNT=10",
              "policy: 39 fields without a header, not guessed"),
          row(
              INTEGRATIONS + "test-extra-samples.log",
              7,
              0,
              "DIGESTED=5 NODATA=1 SKIPDATA=1",
              "no newline after the last line: it is read all the same"),
          row(
              INTEGRATIONS + "test-tcp-flag-sequence.log",
              3,
              0,
              "HEADER=3 DIGESTED=1 SKIPDATA=1 NODATA=1",
              "header repeated before every record"),
          row(
              INTEGRATIONS + "test-tgw-samples.log",
              10,
              0,
              "WRONG_FIELD_COUNT=10",
              "policy: 36 fields without a header, not guessed"),
          row(
              INTEGRATIONS + "test-v5-all-fields.log",
              1,
              0,
              "WRONG_FIELD_COUNT=1",
              "policy: 29 fields without a header, not guessed"),
          row(
              INTEGRATIONS + "test-v8-samples.log",
              1,
              0,
              "WRONG_FIELD_COUNT=1",
              "policy: 40 fields without a header, not guessed"),
          row(
              INTEGRATIONS + "test-with-message-field.log",
              1,
              0,
              "UNKNOWN_LOG_STATUS=1",
              "policy: JSON-wrapped lines are not unwrapped; this one happens to split into 14"
                  + " tokens, so it reads as v2 with the log-status 'NODATA\"}'"),
          // ---- obsrvbl-oss/flowlogs-reader test data
          row(FLOWLOGS_READER + "V2_RECORDS.log", 5, 0, "DIGESTED=3 NODATA=1 SKIPDATA=1"),
          row(
              FLOWLOGS_READER + "V3_FILE.log",
              2,
              0,
              "HEADER=1 DIGESTED=2",
              "alphabetical field order, no log-status: every record is digested"),
          row(FLOWLOGS_READER + "V4_FILE.log", 2, 0, "HEADER=1 DIGESTED=2"),
          row(
              FLOWLOGS_READER + "V5_FILE.log",
              3,
              0,
              "HEADER=1 DIGESTED=2 WRONG_FIELD_COUNT=1",
              "'bogus line' is lowercase but names no AWS field: no header, 2 tokens"),
          row(
              FLOWLOGS_READER + "V6_FILE.log",
              1,
              1,
              "HEADER=1 FORMAT_LACKS_FIELDS=1",
              "transit-gateway-only fields: a header although it names no field the digest"
                  + " reads (fixed: was read as two v2 lines of 18 fields)"),
          // ---- open-telemetry collector-contrib awslogsencoding extension
          row(
              OTEL + "valid_tgw_flow_log.log",
              1,
              0,
              "HEADER=1 DIGESTED=1",
              "v6 transit-gateway format with srcaddr..end: digested, interface-id and action '-'"),
          row(OTEL + "valid_vpc_flow_log.log", 1, 0, "HEADER=1 NODATA=1"),
          row(OTEL + "valid_vpc_flow_log_ecs.log", 1, 0, "HEADER=1 DIGESTED=1"),
          row(
              OTEL + "valid_vpc_flow_log_multi.log",
              2,
              0,
              "HEADER=1 DIGESTED=2",
              "no newline after the last line"),
          row(OTEL + "vpc_flow_log_too_few_fields.log", 1, 0, "HEADER=1 WRONG_FIELD_COUNT=1"),
          row(OTEL + "vpc_flow_log_too_many_fields.log", 1, 0, "HEADER=1 WRONG_FIELD_COUNT=1"));

  /** The exact digest, in order, of a few fixtures read on their own. */
  static final Map<String, List<String>> DIGESTS = digests();

  private static Map<String, List<String>> digests() {
    Map<String, List<String>> d = new LinkedHashMap<>();
    // ports 20641->22 and 49761->3389: the source (ephemeral) port becomes 0
    d.put(
        AWSDOCS + "flow-log-example-accepted-rejected.log",
        List.of(
            "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 0 22 6 20 4249"
                + " 1418530010 1418530070 ACCEPT OK",
            "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 0 3389 6 20 4249"
                + " 1418530010 1418530070 REJECT OK"));
    // ICMP, ports 0 0; "172..." sorts before "203..."
    d.put(
        AWSDOCS + "flow-log-example-security-groups.log",
        List.of(
            "2 123456789010 eni-1235b8ca123456789 172.31.16.139 203.0.113.12 0 0 1 4 336"
                + " 1432917094 1432917142 REJECT OK",
            "2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336"
                + " 1432917027 1432917142 ACCEPT OK"));
    // eight records, two keys after port normalisation (5001 is the service port both ways):
    // 52.213.180.42 -> 10.0.0.62: packets 8+70+15774+17, bytes 568+100701+23294588+1260
    // 10.0.0.62 -> 52.213.180.42: packets 7+12+1219+14, bytes 376+632+63388+967
    d.put(
        AWSDOCS + "flow-log-example-tcp-flag.log",
        List.of(
            "3 123456789010 eni-1235b8ca123456789 10.0.0.62 52.213.180.42 5001 0 6 1252 65363"
                + " 1566848875 1566933193 ACCEPT OK",
            "3 123456789010 eni-1235b8ca123456789 52.213.180.42 10.0.0.62 0 5001 6 15869 23397117"
                + " 1566848875 1566933193 ACCEPT OK"));
    d.put(
        AWSDOCS + "flow-log-example-traffic-path.log",
        List.of(
            "5 123456789012 eni-1235b8ca123456789 10.0.0.71 52.95.128.179 0 80 6 7 471"
                + " 1616729292 1616729349 ACCEPT OK",
            "5 123456789012 eni-1235b8ca123456789 52.95.128.179 10.0.0.71 80 0 6 14 15044"
                + " 1616729292 1616729349 ACCEPT OK"));
    d.put(
        FLOWLOGS_READER + "V2_RECORDS.log",
        List.of(
            "2 123456789010 eni-102010ab 192.0.2.1 198.51.100.1 0 443 6 20 1680 1439387264"
                + " 1439387265 ACCEPT OK",
            "2 123456789010 eni-102010ab 198.51.100.1 192.0.2.1 443 0 6 10 840 1439387263"
                + " 1439387264 ACCEPT OK",
            "2 123456789010 eni-102010cd 192.0.2.1 198.51.100.1 0 443 6 20 1680 1439387263"
                + " 1439387266 REJECT OK"));
    // alphabetical order without interface-id, action and log-status
    d.put(
        FLOWLOGS_READER + "V3_FILE.log",
        List.of(
            "3 000000000000 - 172.18.160.68 172.18.160.93 443 0 6 10 6392 1568300367 1568300425"
                + " - -",
            "3 000000000000 - 172.18.160.93 172.18.160.68 0 443 6 10 1698 1568300367 1568300425"
                + " - -"));
    // alphabetical v5; the 'bogus line' is skipped
    d.put(
        FLOWLOGS_READER + "V5_FILE.log",
        List.of(
            "5 999999999999 eni-00123456789abcdef 192.0.2.156 198.51.100.6 0 443 6 16 3015"
                + " 1614866493 1614866511 ACCEPT OK",
            "5 999999999999 eni-00123456789abcdef 198.51.100.7 192.0.2.156 443 0 6 15 4895"
                + " 1614866493 1614866511 ACCEPT OK"));
    d.put(
        OTEL + "valid_tgw_flow_log.log",
        List.of("6 123456789012 - 10.0.0.1 10.0.1.1 0 443 6 10 1000 1700000000 1700000060 - OK"));
    return d;
  }

  // ---------------------------------------------------------------- locating the fixtures

  /**
   * The fixture collection: {@code -Dvpcflow.realFlowlogs=DIR}, else the first {@code
   * shared/fixtures/real-flowlogs} found walking up from the working directory (it sits next to the
   * project root, so from the {@code pipeline} module it is {@code ../../shared/...}).
   */

  /** The collection, or the test is skipped (with a notice on stdout). */
  private static Path fixtures() {
    return RealFlowLogs.dir("FlowLogConformanceTest");
  }

  static Stream<Arguments> rows() {
    return TABLE.stream()
        .map(r -> Arguments.of(r.path(), r.documentedRecords(), r.formatProblems(), r.counts()));
  }

  static Stream<Arguments> digestFiles() {
    return DIGESTS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  private static byte[] bytesOf(String relative) {
    try {
      return Files.readAllBytes(fixtures().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long lineCount(byte[] data) {
    long newlines = 0;
    for (byte b : data) {
      if (b == '\n') {
        newlines++;
      }
    }
    return newlines + (data.length > 0 && data[data.length - 1] != '\n' ? 1 : 0);
  }

  private static InputStream oneByteReads(byte[] data) {
    return new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }

  // ---------------------------------------------------------------- the checks

  @ParameterizedTest(name = "{0}: {3}")
  @MethodSource("rows")
  void countsEveryLineOfTheFixture(
      String path, int documentedRecords, int formatProblems, String counts) throws IOException {
    byte[] data = bytesOf(path);
    Row row = TABLE.stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();

    ObjectParseResult result =
        new FlowLogReader()
            .read(new ByteArrayInputStream(data), new DigestTable(WINDOW_START, WINDOW_STOP));
    LineCounts c = result.counts();
    assertEquals(row.expectedCounts(), c.nonZero(), path + " " + row.note());
    assertEquals(lineCount(data), c.total(), "every line counted once: " + path);
    assertEquals(
        documentedRecords,
        c.total() - c.get(LineOutcome.HEADER) - c.get(LineOutcome.BLANK),
        "records as documented in SOURCES.md: " + path);
    assertEquals(
        formatProblems, result.formatProblems().size(), result.formatProblems().toString());
    assertEquals(data.length, result.uncompressedBytes());

    // the outcome does not depend on how the stream is chunked
    ObjectParseResult byteByByte =
        new FlowLogReader().read(oneByteReads(data), new DigestTable(WINDOW_START, WINDOW_STOP));
    assertEquals(c, byteByByte.counts(), "one-byte reads: " + path);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("digestFiles")
  void digestsTheFixtureExactly(String path, List<String> expected) throws IOException {
    byte[] data = bytesOf(path);
    DigestTable table = new DigestTable(WINDOW_START, WINDOW_STOP);
    new FlowLogReader().read(new ByteArrayInputStream(data), table);
    List<byte[]> lines = new ArrayList<>();
    table.entries().forEach((key, totals) -> lines.add(DigestLines.render(key, totals)));
    DigestLines.sort(lines);
    List<String> actual =
        lines.stream().map(l -> new String(l, StandardCharsets.UTF_8)).collect(Collectors.toList());
    assertEquals(expected, actual, path);
  }

  @Test
  void formatProblemsNameTheMissingFields() throws IOException {
    byte[] data = bytesOf(FLOWLOGS_READER + "V6_FILE.log");
    ObjectParseResult result =
        new FlowLogReader().read(new ByteArrayInputStream(data), record -> true);
    assertEquals(1, result.formatProblems().size());
    assertTrue(
        result
            .formatProblems()
            .get(0)
            .startsWith(
                "format lacks fields the digest needs [srcaddr, dstaddr, packets, bytes, start]:"
                    + " header 'resource-type tgw-id "),
        result.formatProblems().get(0));
  }

  @Test
  void windowExcludesRecordsOutsideIt() throws IOException {
    // the tcp-flag example spans 1566848875..1566933133 (starts): a window [.., 1566933133)
    // keeps the first six records only
    byte[] data = bytesOf(AWSDOCS + "flow-log-example-tcp-flag.log");
    DigestTable table = new DigestTable(1566848875L, 1566933133L);
    LineCounts c = new FlowLogReader().read(new ByteArrayInputStream(data), table).counts();
    assertEquals(6, c.get(LineOutcome.DIGESTED));
    assertEquals(2, c.get(LineOutcome.OUTSIDE_WINDOW));
    assertEquals(2, table.size());
  }

  @Test
  void everyLogFileHasARowInTheTable() throws IOException {
    Path root = fixtures();
    TreeSet<String> onDisk;
    try (Stream<Path> walk = Files.walk(root)) {
      onDisk =
          walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".log"))
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    TreeSet<String> inTable =
        TABLE.stream().map(Row::path).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(TABLE.size(), inTable.size(), "a path appears twice in the table");

    TreeSet<String> missing = new TreeSet<>(onDisk);
    missing.removeAll(inTable);
    assertTrue(
        missing.isEmpty(), "fixtures without a row in FlowLogConformanceTest.TABLE: " + missing);
    TreeSet<String> stale = new TreeSet<>(inTable);
    stale.removeAll(onDisk);
    assertTrue(stale.isEmpty(), "rows without a fixture file: " + stale);
    assertTrue(DIGESTS.keySet().stream().allMatch(inTable::contains), "digest files need a row");
  }
}
