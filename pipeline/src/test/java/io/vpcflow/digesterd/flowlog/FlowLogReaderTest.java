package io.vpcflow.digesterd.flowlog;

import static io.vpcflow.digesterd.testing.Bytes.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowLogReaderTest {
  static final String V2_HEADER =
      "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes"
          + " start end action log-status";

  /** AWS docs, accepted-rejected example. */
  static final String R1 =
      "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249"
          + " 1418530010 1418530070 ACCEPT OK";

  static final String R2 =
      "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249"
          + " 1418530010 1418530070 REJECT OK";

  /** Short records (under 100 bytes) for tests with a small line cap. */
  static final String S1 =
      "2 1 eni-1 10.0.0.1 10.0.0.2 443 50000 6 1 100 1418530010 1418530070 ACCEPT OK";

  static final String S2 =
      "2 1 eni-2 10.0.0.2 10.0.0.1 50000 443 6 2 200 1418530020 1418530080 ACCEPT OK";

  static final String NODATA =
      "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA";
  static final String SKIPDATA =
      "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA";

  /** flowlogs-reader V3_FILE: alphabetical field order, no interface-id, action, log-status. */
  static final String V3_ALPHA_HEADER =
      "account-id bytes dstaddr dstport end instance-id packets pkt-dstaddr pkt-srcaddr protocol"
          + " srcaddr srcport start subnet-id tcp-flags type version vpc-id";

  static final String V3_ALPHA_RECORD =
      "000000000000 6392 172.18.160.93 47460 1568300425 i-06f9249b 10 172.18.160.93 192.168.0.1"
          + " 6 172.18.160.68 443 1568300367 subnet-089e7569 19 IPv4 3 vpc-0461a061";

  static final String NAT_HEADER =
      "instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr";

  // ---------------------------------------------------------------- helpers

  /** The outcome of reading one object: its result and a description of every handed record. */
  record Parsed(ObjectParseResult result, List<String> records, List<String> numbers) {
    LineCounts counts() {
      return result.counts();
    }
  }

  /** Collects every record as its 14 digest fields in v2 order ({@code -} when absent). */
  static final class Collector implements RecordHandler {
    final List<String> records = new ArrayList<>();
    final List<String> numbers = new ArrayList<>();

    @Override
    public boolean accept(FlowLogRecord record) {
      records.add(describe(record));
      numbers.add(numbers(record));
      return true;
    }
  }

  static String describe(FlowLogRecord record) {
    List<String> parts = new ArrayList<>();
    for (DigestField field : DigestField.values()) {
      String text = record.text(field);
      parts.add(text == null ? "-" : text);
    }
    return String.join(" ", parts);
  }

  static String numbers(FlowLogRecord record) {
    return record.number(DigestField.SRCPORT)
        + " "
        + record.number(DigestField.DSTPORT)
        + " "
        + record.number(DigestField.PROTOCOL)
        + " "
        + record.number(DigestField.PACKETS)
        + " "
        + record.number(DigestField.BYTES)
        + " "
        + record.number(DigestField.START)
        + " "
        + record.number(DigestField.END);
  }

  static Parsed read(String text) throws IOException {
    return read(new FlowLogReader(), text.getBytes(StandardCharsets.UTF_8));
  }

  static Parsed read(FlowLogReader reader, byte[] bytes) throws IOException {
    return read(reader, new ByteArrayInputStream(bytes));
  }

  static Parsed read(FlowLogReader reader, InputStream in) throws IOException {
    Collector collector = new Collector();
    ObjectParseResult result = reader.read(in, collector);
    return new Parsed(result, collector.records, collector.numbers);
  }

  /** A stream that returns at most {@code chunk} bytes per read. */
  static InputStream chunked(byte[] data, int chunk) {
    return new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Asserts the exact non-zero counts: pairs of outcome and count. */
  static void assertCounts(LineCounts counts, Object... outcomeThenCount) {
    Map<LineOutcome, Long> expected = new EnumMap<>(LineOutcome.class);
    for (int i = 0; i < outcomeThenCount.length; i += 2) {
      expected.put(
          (LineOutcome) outcomeThenCount[i], ((Number) outcomeThenCount[i + 1]).longValue());
    }
    assertEquals(expected, counts.nonZero());
  }

  // ---------------------------------------------------------------- formats and headers

  @Test
  void readsDefaultV2WithoutHeader() throws IOException {
    Parsed p = read(lines(R1, R2));
    assertCounts(p.counts(), LineOutcome.DIGESTED, 2);
    assertEquals(List.of(R1, R2), p.records());
    assertEquals(
        List.of(
            "20641 22 6 20 4249 1418530010 1418530070",
            "49761 3389 6 20 4249 1418530010 1418530070"),
        p.numbers());
    assertEquals(List.of(), p.result().formatProblems());
    assertEquals(2, p.counts().total());
  }

  @Test
  void readsDefaultV2WithHeader() throws IOException {
    Parsed p = read(lines(V2_HEADER, R1));
    assertCounts(p.counts(), LineOutcome.HEADER, 1, LineOutcome.DIGESTED, 1);
    assertEquals(List.of(R1), p.records());
  }

  @Test
  void readsAlphabeticalHeaderOrderWithoutLogStatus() throws IOException {
    // flowlogs-reader V3_FILE: the format has no log-status, so every complete record is digested
    Parsed p = read(lines(V3_ALPHA_HEADER, V3_ALPHA_RECORD));
    assertCounts(p.counts(), LineOutcome.HEADER, 1, LineOutcome.DIGESTED, 1);
    assertEquals(
        List.of(
            "3 000000000000 - 172.18.160.68 172.18.160.93 443 47460 6 10 6392 1568300367"
                + " 1568300425 - -"),
        p.records());
    assertEquals(List.of("443 47460 6 10 6392 1568300367 1568300425"), p.numbers());
  }

  @Test
  void readsV5AlphabeticalOrderWithLogStatus() throws IOException {
    String header =
        "account-id action az-id bytes dstaddr dstport end flow-direction instance-id interface-id"
            + " log-status packets pkt-dst-aws-service pkt-dstaddr pkt-src-aws-service pkt-srcaddr"
            + " protocol region srcaddr srcport start sublocation-id sublocation-type subnet-id"
            + " tcp-flags traffic-path type version vpc-id";
    String ok =
        "999999999999 ACCEPT use2-az2 4895 192.0.2.156 50318 1614866511 ingress i-00123456789abcdef"
            + " eni-00123456789abcdef OK 15 - 192.0.2.156 S3 198.51.100.6 6 us-east-2 198.51.100.7"
            + " 443 1614866493 - - subnet-0123456789abcdef 19 - IPv4 5 vpc-04456ab739938ee3f";
    String noData = ok.replace(" OK ", " NODATA ");
    Parsed p = read(lines(header, ok, noData, "bogus line"));
    assertCounts(
        p.counts(),
        LineOutcome.HEADER,
        1,
        LineOutcome.DIGESTED,
        1,
        LineOutcome.NODATA,
        1,
        LineOutcome.WRONG_FIELD_COUNT,
        1);
    assertEquals(
        List.of(
            "5 999999999999 eni-00123456789abcdef 198.51.100.7 192.0.2.156 443 50318 6 15 4895"
                + " 1614866493 1614866511 ACCEPT OK"),
        p.records());
  }

  @Test
  void repeatedHeaderMidFileIsCountedAndKeepsTheFormat() throws IOException {
    Parsed p = read(lines(V2_HEADER, R1, V2_HEADER, R2, V2_HEADER));
    assertCounts(p.counts(), LineOutcome.HEADER, 3, LineOutcome.DIGESTED, 2);
    assertEquals(List.of(R1, R2), p.records());
  }

  @Test
  void headerMidFileSwitchesToAnotherFormat() throws IOException {
    // lines before any header are v2; the alphabetical header then applies to what follows, so a
    // v2 line after it has the wrong number of fields; a v2 header switches back
    Parsed p = read(lines(R1, V3_ALPHA_HEADER, V3_ALPHA_RECORD, R2, V2_HEADER, R2));
    assertCounts(
        p.counts(),
        LineOutcome.HEADER,
        2,
        LineOutcome.DIGESTED,
        3,
        LineOutcome.WRONG_FIELD_COUNT,
        1);
    assertEquals(
        List.of(
            R1,
            "3 000000000000 - 172.18.160.68 172.18.160.93 443 47460 6 10 6392 1568300367"
                + " 1568300425 - -",
            R2),
        p.records());
  }

  @Test
  void headerWithSameFieldCountButOtherOrderRemapsFields() throws IOException {
    // same 14 fields, srcaddr/dstaddr and srcport/dstport swapped in the header
    String swapped =
        "version account-id interface-id dstaddr srcaddr dstport srcport protocol packets bytes"
            + " start end action log-status";
    Parsed p = read(lines(swapped, R1));
    assertEquals(
        List.of(
            "2 123456789010 eni-1235b8ca123456789 172.31.16.21 172.31.16.139 22 20641 6 20 4249"
                + " 1418530010 1418530070 ACCEPT OK"),
        p.records());
    assertEquals(List.of("22 20641 6 20 4249 1418530010 1418530070"), p.numbers());
  }

  @Test
  void eachReadStartsAgainWithTheDefaultFormat() throws IOException {
    FlowLogReader reader = new FlowLogReader();
    Parsed first =
        read(reader, utf8(lines(NAT_HEADER, "- eni-1 10.0.1.5 10.0.0.220 10.0.1.5 1.2.3.4")));
    assertCounts(first.counts(), LineOutcome.HEADER, 1, LineOutcome.FORMAT_LACKS_FIELDS, 1);
    assertEquals(1, first.result().formatProblems().size());

    Parsed second = read(reader, utf8(lines(R1)));
    assertCounts(second.counts(), LineOutcome.DIGESTED, 1);
    assertEquals(List.of(), second.result().formatProblems());
    // the first result is not changed by the second read
    assertCounts(first.counts(), LineOutcome.HEADER, 1, LineOutcome.FORMAT_LACKS_FIELDS, 1);
  }

  @Test
  void lowercaseTextThatNamesNoAwsFieldIsNotAHeader() throws IOException {
    Parsed p = read(lines("bogus line", "phony unsupported log format", R1));
    assertCounts(p.counts(), LineOutcome.WRONG_FIELD_COUNT, 2, LineOutcome.DIGESTED, 1);
  }

  // ---------------------------------------------------------------- whitespace and line ends

  @Test
  void splitsOnRunsOfSpacesAndTabs() throws IOException {
    String messy =
        "  2\t123456789010  eni-1235b8ca123456789 \t 172.31.16.139\t\t172.31.16.21 20641    22 6"
            + " 20 4249 1418530010 1418530070 ACCEPT\tOK \t ";
    Parsed p = read(lines(messy));
    assertCounts(p.counts(), LineOutcome.DIGESTED, 1);
    assertEquals(List.of(R1), p.records());
  }

  @Test
  void tabSeparatedHeader() throws IOException {
    Parsed p = read(lines(V2_HEADER.replace(' ', '\t'), R1.replace(' ', '\t')));
    assertCounts(p.counts(), LineOutcome.HEADER, 1, LineOutcome.DIGESTED, 1);
    assertEquals(List.of(R1), p.records());
  }

  @Test
  void acceptsCrlfLineEnds() throws IOException {
    Parsed p = read(V2_HEADER + "\r\n" + R1 + "\r\n" + "\r\n" + NODATA + "\r\n" + R2 + "\r\n");
    assertCounts(
        p.counts(),
        LineOutcome.HEADER,
        1,
        LineOutcome.DIGESTED,
        2,
        LineOutcome.BLANK,
        1,
        LineOutcome.NODATA,
        1);
    // the CR is not part of the last field
    assertEquals(List.of(R1, R2), p.records());
  }

  @Test
  void lastLineWithoutNewlineIsRead() throws IOException {
    Parsed p = read(R1 + "\n" + R2);
    assertCounts(p.counts(), LineOutcome.DIGESTED, 2);
    assertEquals(List.of(R1, R2), p.records());
    Parsed crOnly = read(R1 + "\r\n" + R2 + "\r");
    assertEquals(List.of(R1, R2), crOnly.records());
  }

  @Test
  void countsBlankLines() throws IOException {
    Parsed p = read("\n" + R1 + "\n   \n\t\n \t \r\n\n" + R2 + "\n");
    assertCounts(p.counts(), LineOutcome.BLANK, 5, LineOutcome.DIGESTED, 2);
    assertEquals(7, p.counts().total());
  }

  @Test
  void emptyObjectHasNoLines() throws IOException {
    Parsed p = read("");
    assertEquals(0, p.counts().total());
    assertEquals(0, p.result().uncompressedBytes());
  }

  @Test
  void readsIpv6Addresses() throws IOException {
    String ipv6 =
        "2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105"
            + " 2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820"
            + " ACCEPT OK";
    Parsed p = read(lines(ipv6, ipv6.replace("2001:db8:1234:a100:8d6e:3477:df66:f105", "::1")));
    assertCounts(p.counts(), LineOutcome.DIGESTED, 2);
    assertEquals(ipv6, p.records().get(0));
    assertTrue(p.records().get(1).contains(" ::1 2001:db8:1234:a102:3304:8879:34cf:4071 "));
    assertEquals("34892 22 6 54 8855 1477913708 1477913820", p.numbers().get(0));
  }

  // ---------------------------------------------------------------- log-status

  @Test
  void countsNoDataAndSkipDataWithoutDigestingThem() throws IOException {
    Parsed p = read(lines(NODATA, SKIPDATA, R1, NODATA));
    assertCounts(
        p.counts(), LineOutcome.NODATA, 2, LineOutcome.SKIPDATA, 1, LineOutcome.DIGESTED, 1);
    assertEquals(List.of(R1), p.records());
  }

  @Test
  void noDataWithValuesIsStillNotDigested() throws IOException {
    // elastic-integrations samples have "ACCEPT NODATA" with counters: the status decides
    Parsed p = read(lines(R1.replace(" OK", " NODATA"), R1.replace(" OK", " SKIPDATA")));
    assertCounts(p.counts(), LineOutcome.NODATA, 1, LineOutcome.SKIPDATA, 1);
    assertEquals(List.of(), p.records());
  }

  @Test
  void unknownLogStatusIsMalformed() throws IOException {
    Parsed p =
        read(
            lines(
                R1.replace(" OK", " ok"),
                R1.replace(" OK", " FAIL"),
                R1.replace(" OK", " -"),
                R1.replace(" OK", " OKAY"),
                R1.replace(" OK", " NODATA\"}")));
    assertCounts(p.counts(), LineOutcome.UNKNOWN_LOG_STATUS, 5);
    assertEquals(5, p.counts().malformed());
  }

  // ---------------------------------------------------------------- malformed records

  @Test
  void wrongFieldCount() throws IOException {
    String thirteen = R1.substring(0, R1.lastIndexOf(' '));
    String fifteen = R1 + " extra";
    Parsed p = read(lines(thirteen, fifteen, "Phony unsupported log format.", R1));
    assertCounts(p.counts(), LineOutcome.WRONG_FIELD_COUNT, 3, LineOutcome.DIGESTED, 1);
    assertEquals(List.of(R1), p.records());
  }

  @Test
  void moreTokensThanAnyFormatIsWrongFieldCount() throws IOException {
    String many = "1 ".repeat(200).trim();
    Parsed p = read(lines(many, R1));
    assertCounts(p.counts(), LineOutcome.WRONG_FIELD_COUNT, 1, LineOutcome.DIGESTED, 1);
  }

  @Test
  void nonNumericNumbers() throws IOException {
    String[] v2 = R1.split(" ");
    List<String> bad = new ArrayList<>();
    // srcport, dstport, protocol, packets, bytes, start, end
    String[] values = {"http", "22/tcp", "6.0", "12a", "-5", "x", "+1418530070"};
    for (int i = 0; i < values.length; i++) {
      String[] fields = v2.clone();
      fields[5 + i] = values[i];
      bad.add(String.join(" ", fields));
    }
    // 19 digits do not fit the parser's 18-digit limit: not a number for our purposes
    String[] huge = v2.clone();
    huge[9] = "1234567890123456789";
    bad.add(String.join(" ", huge));
    Parsed p = read(lines(bad.toArray(new String[0])));
    assertCounts(p.counts(), LineOutcome.NON_NUMERIC, 8);
    assertEquals(List.of(), p.records());
  }

  @Test
  void largeButValidCountersAndLeadingZeros() throws IOException {
    String[] f = R1.split(" ");
    f[8] = "999999999999999999"; // 18 digits
    f[9] = "000123";
    Parsed p = read(lines(String.join(" ", f)));
    assertCounts(p.counts(), LineOutcome.DIGESTED, 1);
    assertEquals(List.of("20641 22 6 999999999999999999 123 1418530010 1418530070"), p.numbers());
  }

  @Test
  void portAndProtocolRanges() throws IOException {
    String[] f = R1.split(" ");
    String[] srcTooBig = f.clone();
    srcTooBig[5] = "65536";
    String[] dstTooBig = f.clone();
    dstTooBig[6] = "70000";
    String[] protoTooBig = f.clone();
    protoTooBig[7] = "256";
    String[] maxima = f.clone();
    maxima[5] = "65535";
    maxima[6] = "0";
    maxima[7] = "255";
    Parsed p =
        read(
            lines(
                String.join(" ", srcTooBig),
                String.join(" ", dstTooBig),
                String.join(" ", protoTooBig),
                String.join(" ", maxima)));
    assertCounts(p.counts(), LineOutcome.OUT_OF_RANGE, 3, LineOutcome.DIGESTED, 1);
    assertEquals(List.of("65535 0 255 20 4249 1418530010 1418530070"), p.numbers());
  }

  @Test
  void dashInARequiredFieldOfAnOkRecordIsMissingValue() throws IOException {
    String[] f = R1.split(" ");
    List<String> bad = new ArrayList<>();
    for (int position : new int[] {3, 4, 8, 9, 10}) { // srcaddr dstaddr packets bytes start
      String[] fields = f.clone();
      fields[position] = "-";
      bad.add(String.join(" ", fields));
    }
    Parsed p = read(lines(bad.toArray(new String[0])));
    assertCounts(p.counts(), LineOutcome.MISSING_VALUE, 5);
  }

  @Test
  void dashInAnOptionalFieldIsDigestedAsAbsent() throws IOException {
    // version account-id interface-id srcport dstport protocol end action may be '-'
    String[] f = R1.split(" ");
    for (int position : new int[] {0, 1, 2, 5, 6, 7, 11, 12}) {
      f[position] = "-";
    }
    String line = String.join(" ", f);
    Parsed p = read(lines(line));
    assertCounts(p.counts(), LineOutcome.DIGESTED, 1);
    assertEquals(
        List.of("- - - 172.31.16.139 172.31.16.21 - - - 20 4249 1418530010 - - OK"), p.records());
    assertEquals(List.of("-1 -1 -1 20 4249 1418530010 -1"), p.numbers());
  }

  @Test
  void dashInARequiredFieldOfAFormatWithoutLogStatusIsMissingValue() throws IOException {
    String noSrc = V3_ALPHA_RECORD.replace(" 172.18.160.68 ", " - ");
    Parsed p = read(lines(V3_ALPHA_HEADER, noSrc));
    assertCounts(p.counts(), LineOutcome.HEADER, 1, LineOutcome.MISSING_VALUE, 1);
  }

  // ---------------------------------------------------------------- UTF-8

  @Test
  void invalidUtf8IsCountedAndValidNonAsciiIsFine() throws IOException {
    byte[] r1 = utf8(R1 + "\n");
    byte[] lone0xff = utf8(R1.replace("eni-1235b8ca123456789", "eni-\u0001") + "\n");
    lone0xff[R1.indexOf("eni-") + 4] = (byte) 0xff;
    byte[] continuationOnly = lone0xff.clone();
    continuationOnly[R1.indexOf("eni-") + 4] = (byte) 0x80;
    // 0xD0 starts a two-byte sequence but is followed by a space
    byte[] truncated = lone0xff.clone();
    truncated[R1.indexOf("eni-") + 4] = (byte) 0xd0;
    // overlong encoding of '/'
    byte[] overlong =
        concat(
            utf8("2 123456789010 eni-"),
            new byte[] {(byte) 0xc0, (byte) 0xaf},
            utf8(R1.substring(R1.indexOf(" 172.31.16.139")) + "\n"));
    // a line ending in the middle of a multibyte sequence
    byte[] cutAtEnd = concat(utf8(R1), new byte[] {(byte) 0xd0, '\n'});
    String cyrillic = R1.replace("eni-1235b8ca123456789", "eni-тест");
    Parsed p =
        read(
            new FlowLogReader(),
            concat(
                r1,
                lone0xff,
                continuationOnly,
                truncated,
                overlong,
                cutAtEnd,
                utf8(cyrillic + "\n")));
    assertCounts(p.counts(), LineOutcome.DIGESTED, 2, LineOutcome.INVALID_UTF8, 5);
    assertEquals(List.of(R1, cyrillic), p.records());
  }

  @Test
  void invalidUtf8HeaderIsNotAHeader() throws IOException {
    byte[] header = utf8(V3_ALPHA_HEADER + "\n");
    header[3] = (byte) 0xff;
    Parsed p = read(new FlowLogReader(), concat(header, utf8(R1 + "\n")));
    // the broken header is skipped, so the v2 record that follows still parses as v2
    assertCounts(p.counts(), LineOutcome.INVALID_UTF8, 1, LineOutcome.DIGESTED, 1);
  }

  @Test
  void transitGatewayV6WithDoubleSpacesAndCyrillicSubnet() throws IOException {
    // elastic/beats aws_vpcflow processor sample v6-fields: TGW flow-log fields, double spaces,
    // a Cyrillic letter in tgw-src-subnet-id
    String header =
        "resource-type account-id tgw-id tgw-attachment-id tgw-src-vpc-account-id"
            + " tgw-dst-vpc-account-id tgw-src-vpc-id tgw-dst-vpc-id tgw-src-subnet-id"
            + " tgw-dst-subnet-id tgw-src-eni tgw-dst-eni tgw-src-az-id tgw-dst-az-id"
            + " tgw-pair-attachment-id srcaddr dstaddr srcport dstport protocol packets bytes start"
            + " end log-status type packets-lost-no-route packets-lost-blackhole"
            + " packets-lost-mtu-exceeded packets-lost-ttl-expired tcp-flags region flow-direction"
            + " pkt-src-aws-service pkt-dst-aws-service";
    String record =
        "TransitGateway 123456789123 tgw-3b86d5e89ec8ebd55 tgw-attach-3e0bbb28e9ac7e3d8 "
            + " 123456789123  123456789123 vpc-3620ee62fdaf70d01 vpc-3da88d2d64d3e7d16"
            + " subnet-3fbc536e360c36caб subnet-3abc2577ee1022895 eni-008ffff1f06bf8d10"
            + " eni-309ffff1f06bf8d99 us-east-1a us-east-1b - 10.100.8.1 10.200.8.2 43228 53 6 1"
            + " 1600 1766848875 1766848933 OK IPv4 1 0 2 0 2 us-east-1 egress - -";
    Parsed p = read(lines(header, record));
    assertCounts(p.counts(), LineOutcome.HEADER, 1, LineOutcome.DIGESTED, 1);
    assertEquals(
        List.of(
            "- 123456789123 - 10.100.8.1 10.200.8.2 43228 53 6 1 1600 1766848875 1766848933"
                + " - OK"),
        p.records());
  }

  // ---------------------------------------------------------------- line length

  /** R1 with its interface-id padded so the line is exactly {@code length} bytes. */
  static String recordOfLength(int length) {
    String padded =
        R1.replace("eni-1235b8ca123456789", "eni-" + "a".repeat(length - R1.length() + 17));
    assertEquals(length, utf8(padded).length);
    return padded;
  }

  @Test
  void overLongLineInTheMiddleIsSkipped() throws IOException {
    String exactly100 = recordOfLength(100);
    String tooLong = recordOfLength(101);
    Parsed p = read(new FlowLogReader(100), utf8(lines(S1, tooLong, exactly100, S2)));
    assertCounts(p.counts(), LineOutcome.DIGESTED, 3, LineOutcome.LINE_TOO_LONG, 1);
    assertEquals(List.of(S1, exactly100, S2), p.records());
  }

  @Test
  void lineLimitIgnoresTheCrOfCrlfWhateverTheReadSizes() throws IOException {
    String exactly100 = recordOfLength(100);
    byte[] data = utf8(exactly100 + "\r\n" + recordOfLength(101) + "\r\n" + S2 + "\r\n");
    for (int chunk : new int[] {1, 2, 3, 7, 100, 101, 102, 4096}) {
      Parsed p = read(new FlowLogReader(100), chunked(data, chunk));
      assertCounts(p.counts(), LineOutcome.DIGESTED, 2, LineOutcome.LINE_TOO_LONG, 1);
      assertEquals(List.of(exactly100, S2), p.records(), "chunk " + chunk);
    }
  }

  @Test
  void longLineSpanningManyReadsWithTheDefaultCap() throws IOException {
    String huge = "x".repeat(300_000); // more than four 64 KiB reads
    byte[] data = utf8(lines(R1, huge, huge + " " + huge, R2));
    for (int chunk : new int[] {Integer.MAX_VALUE, 65_536, 65_537, 10_000}) {
      Parsed p = read(new FlowLogReader(), chunked(data, chunk));
      assertCounts(p.counts(), LineOutcome.DIGESTED, 2, LineOutcome.LINE_TOO_LONG, 2);
      assertEquals(List.of(R1, R2), p.records());
      assertEquals(data.length, p.result().uncompressedBytes());
    }
  }

  @Test
  void lineOfExactlyTheDefaultCapIsRead() throws IOException {
    String exactly = recordOfLength(FlowLogReader.DEFAULT_MAX_LINE_BYTES);
    String over = recordOfLength(FlowLogReader.DEFAULT_MAX_LINE_BYTES + 1);
    Parsed p = read(new FlowLogReader(), utf8(lines(exactly, over, R2)));
    assertCounts(p.counts(), LineOutcome.DIGESTED, 2, LineOutcome.LINE_TOO_LONG, 1);
    assertEquals(List.of(exactly, R2), p.records());
  }

  @Test
  void objectEndingInALongLineWithoutNewline() throws IOException {
    Parsed small = read(new FlowLogReader(100), utf8(S1 + "\n" + recordOfLength(150)));
    assertEquals(List.of(S1), small.records());
    assertCounts(small.counts(), LineOutcome.DIGESTED, 1, LineOutcome.LINE_TOO_LONG, 1);

    Parsed big = read(new FlowLogReader(), utf8(R1 + "\n" + "y".repeat(200_000)));
    assertCounts(big.counts(), LineOutcome.DIGESTED, 1, LineOutcome.LINE_TOO_LONG, 1);
    assertEquals(2, big.counts().total());
  }

  @Test
  void rejectsNonPositiveCap() {
    assertThrows(IllegalArgumentException.class, () -> new FlowLogReader(0));
    assertThrows(IllegalArgumentException.class, () -> new FlowLogReader(-5));
  }

  // ---------------------------------------------------------------- formats the digest cannot use

  @Test
  void formatLackingRequiredFieldsIsReportedOncePerObject() throws IOException {
    Parsed p =
        read(
            lines(
                NAT_HEADER,
                "- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5",
                "- eni-1235b8ca123456789 10.0.0.220 203.0.113.5 10.0.0.220 203.0.113.5",
                NAT_HEADER,
                "i-01234567890123456 eni-1111aaaa2222bbbb3 10.0.1.5 203.0.113.5 10.0.1.5"
                    + " 203.0.113.5 #Traffic from the source instance to host on the internet",
                "- eni-1235b8ca123456789 203.0.113.5 10.0.0.220 203.0.113.5 10.0.0.220",
                V2_HEADER,
                R1));
    assertCounts(
        p.counts(),
        LineOutcome.HEADER,
        3,
        LineOutcome.FORMAT_LACKS_FIELDS,
        3,
        LineOutcome.WRONG_FIELD_COUNT,
        1,
        LineOutcome.DIGESTED,
        1);
    assertEquals(
        List.of(
            "format lacks fields the digest needs [packets, bytes, start]: header '"
                + NAT_HEADER
                + "'"),
        p.result().formatProblems());
  }

  @Test
  void eachDistinctLackingFormatIsReported() throws IOException {
    String tgwOnly =
        "resource-type tgw-id tgw-attachment-id tgw-src-vpc-account-id tgw-dst-vpc-account-id"
            + " tgw-src-vpc-id tgw-dst-vpc-id tgw-src-subnet-id tgw-dst-subnet-id tgw-src-eni"
            + " tgw-dst-eni tgw-src-az-id tgw-dst-az-id tgw-pair-attachment-id"
            + " packets-lost-no-route packets-lost-blackhole packets-lost-mtu-exceeded"
            + " packets-lost-ttl-expired";
    String tgwRecord =
        "TransitGateway 00000000 00000001 00000002 00000003 00000004 00000005 00000006 00000007"
            + " 00000008 00000009 00000010 00000011 00000012 13 14 15 16";
    Parsed p =
        read(
            lines(
                tgwOnly,
                tgwRecord,
                NAT_HEADER,
                "- eni-1 10.0.1.5 10.0.0.220 10.0.1.5 1.2.3.4",
                tgwOnly,
                tgwRecord));
    assertCounts(p.counts(), LineOutcome.HEADER, 3, LineOutcome.FORMAT_LACKS_FIELDS, 3);
    assertEquals(
        List.of(
            "format lacks fields the digest needs [srcaddr, dstaddr, packets, bytes, start]:"
                + " header '"
                + tgwOnly
                + "'",
            "format lacks fields the digest needs [packets, bytes, start]: header '"
                + NAT_HEADER
                + "'"),
        p.result().formatProblems());
  }

  @Test
  void transitGatewayPathFormatFromTheAwsDocsLacksCounters() throws IOException {
    String header =
        "version interface-id account-id vpc-id subnet-id instance-id srcaddr dstaddr srcport"
            + " dstport protocol tcp-flags type pkt-srcaddr pkt-dstaddr action log-status";
    String record =
        "3 eni-33333333333333333 123456789010 vpc-abcdefab012345678 subnet-22222222bbbbbbbbb"
            + " i-01234567890123456 10.20.33.164 10.40.2.236 39812 80 6 3 IPv4 10.20.33.164"
            + " 10.40.2.236 ACCEPT OK";
    Parsed p = read(lines(header, record, record));
    assertCounts(p.counts(), LineOutcome.HEADER, 1, LineOutcome.FORMAT_LACKS_FIELDS, 2);
    assertEquals(1, p.result().formatProblems().size());
    assertTrue(p.result().formatProblems().get(0).contains("[packets, bytes, start]"));
  }

  // ---------------------------------------------------------------- window, totals, streams

  @Test
  void recordsTheHandlerRefusesAreOutsideTheWindow() throws IOException {
    String early = R1.replace("1418530010", "1418529999");
    RecordHandler window = r -> r.number(DigestField.START) >= 1418530000L;
    ObjectParseResult result =
        new FlowLogReader().read(new ByteArrayInputStream(utf8(lines(R1, early, R2))), window);
    assertCounts(result.counts(), LineOutcome.DIGESTED, 2, LineOutcome.OUTSIDE_WINDOW, 1);
  }

  @Test
  void everyLineGetsExactlyOneOutcome() throws IOException {
    String[] f = R1.split(" ");
    f[7] = "300";
    String text =
        lines(
            V2_HEADER,
            R1,
            "",
            NODATA,
            SKIPDATA,
            R1 + " extra",
            R1.replace(" 20 4249 ", " x 4249 "),
            String.join(" ", f),
            R1.replace("172.31.16.139", "-"),
            R1.replace(" OK", " BAD"),
            recordOfLength(200),
            NAT_HEADER,
            "- eni-1 10.0.1.5 10.0.0.220 10.0.1.5 1.2.3.4",
            V2_HEADER,
            R2.replace("1418530010", "5"));
    RecordHandler window = r -> r.number(DigestField.START) > 100;
    byte[] data = utf8(text);
    ObjectParseResult result = new FlowLogReader(150).read(new ByteArrayInputStream(data), window);
    assertCounts(
        result.counts(),
        LineOutcome.HEADER,
        3,
        LineOutcome.DIGESTED,
        1,
        LineOutcome.BLANK,
        1,
        LineOutcome.NODATA,
        1,
        LineOutcome.SKIPDATA,
        1,
        LineOutcome.WRONG_FIELD_COUNT,
        1,
        LineOutcome.NON_NUMERIC,
        1,
        LineOutcome.OUT_OF_RANGE,
        1,
        LineOutcome.MISSING_VALUE,
        1,
        LineOutcome.UNKNOWN_LOG_STATUS,
        1,
        LineOutcome.LINE_TOO_LONG,
        1,
        LineOutcome.FORMAT_LACKS_FIELDS,
        1,
        LineOutcome.OUTSIDE_WINDOW,
        1);
    assertEquals(15, result.counts().total());
    assertEquals(7, result.counts().malformed());
    assertEquals(data.length, result.uncompressedBytes());
  }

  @Test
  void resultDoesNotDependOnReadSizes() throws IOException {
    byte[] data =
        utf8(lines(V2_HEADER, R1, "", NODATA, "bogus line", V3_ALPHA_HEADER, V3_ALPHA_RECORD) + R2);
    Parsed whole = read(new FlowLogReader(), data);
    for (int chunk : new int[] {1, 5, 64}) {
      Parsed p = read(new FlowLogReader(), chunked(data, chunk));
      assertEquals(whole.counts(), p.counts(), "chunk " + chunk);
      assertEquals(whole.records(), p.records(), "chunk " + chunk);
    }
    assertEquals(8, whole.counts().total());
  }

  @Test
  void streamFailuresPropagate() {
    InputStream failing =
        new InputStream() {
          private int calls;

          @Override
          public int read() throws IOException {
            throw new IOException("boom");
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (calls++ == 0) {
              byte[] first = utf8(R1 + "\n");
              System.arraycopy(first, 0, b, off, first.length);
              return first.length;
            }
            throw new IOException("truncated gzip");
          }
        };
    IOException e =
        assertThrows(IOException.class, () -> new FlowLogReader().read(failing, r -> true));
    assertEquals("truncated gzip", e.getMessage());
  }
}
