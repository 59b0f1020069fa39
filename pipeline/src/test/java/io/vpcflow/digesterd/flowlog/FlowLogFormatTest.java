package io.vpcflow.digesterd.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowLogFormatTest {
  private static List<String> words(String line) {
    return Arrays.asList(line.split(" "));
  }

  @Test
  void defaultV2Layout() {
    FlowLogFormat v2 = FlowLogFormat.V2;
    assertEquals(14, v2.fieldCount());
    DigestField[] fields = DigestField.values();
    for (int i = 0; i < fields.length; i++) {
      assertEquals(i, v2.position(fields[i]), fields[i].headerName());
    }
    assertEquals(EnumSet.noneOf(DigestField.class), v2.missingRequiredFields());
    assertEquals(
        "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes"
            + " start end action log-status",
        v2.toString());
  }

  @Test
  void alphabeticalV5HeaderPositions() {
    FlowLogFormat f =
        FlowLogFormat.fromNames(
            words(
                "account-id action az-id bytes dstaddr dstport end flow-direction instance-id"
                    + " interface-id log-status packets pkt-dst-aws-service pkt-dstaddr"
                    + " pkt-src-aws-service pkt-srcaddr protocol region srcaddr srcport start"
                    + " sublocation-id sublocation-type subnet-id tcp-flags traffic-path type"
                    + " version vpc-id"));
    assertEquals(29, f.fieldCount());
    assertEquals(0, f.position(DigestField.ACCOUNT_ID));
    assertEquals(1, f.position(DigestField.ACTION));
    assertEquals(3, f.position(DigestField.BYTES));
    assertEquals(4, f.position(DigestField.DSTADDR));
    assertEquals(5, f.position(DigestField.DSTPORT));
    assertEquals(6, f.position(DigestField.END));
    assertEquals(9, f.position(DigestField.INTERFACE_ID));
    assertEquals(10, f.position(DigestField.LOG_STATUS));
    assertEquals(11, f.position(DigestField.PACKETS));
    // pkt-srcaddr (15) is not srcaddr (18)
    assertEquals(16, f.position(DigestField.PROTOCOL));
    assertEquals(18, f.position(DigestField.SRCADDR));
    assertEquals(19, f.position(DigestField.SRCPORT));
    assertEquals(20, f.position(DigestField.START));
    assertEquals(27, f.position(DigestField.VERSION));
    assertTrue(f.missingRequiredFields().isEmpty());
  }

  @Test
  void absentFieldsHavePositionMinusOne() {
    FlowLogFormat nat =
        FlowLogFormat.fromNames(
            words("instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr"));
    assertEquals(6, nat.fieldCount());
    assertEquals(1, nat.position(DigestField.INTERFACE_ID));
    assertEquals(2, nat.position(DigestField.SRCADDR));
    assertEquals(3, nat.position(DigestField.DSTADDR));
    assertEquals(-1, nat.position(DigestField.VERSION));
    assertEquals(-1, nat.position(DigestField.LOG_STATUS));
    assertEquals(
        EnumSet.of(DigestField.PACKETS, DigestField.BYTES, DigestField.START),
        nat.missingRequiredFields());
  }

  @Test
  void transitGatewayOnlyFormatLacksEveryRequiredField() {
    FlowLogFormat tgw =
        FlowLogFormat.fromNames(
            words(
                "resource-type tgw-id tgw-attachment-id tgw-src-vpc-account-id"
                    + " tgw-dst-vpc-account-id tgw-src-vpc-id tgw-dst-vpc-id tgw-src-subnet-id"
                    + " tgw-dst-subnet-id tgw-src-eni tgw-dst-eni tgw-src-az-id tgw-dst-az-id"
                    + " tgw-pair-attachment-id packets-lost-no-route packets-lost-blackhole"
                    + " packets-lost-mtu-exceeded packets-lost-ttl-expired"));
    assertEquals(
        EnumSet.of(
            DigestField.SRCADDR,
            DigestField.DSTADDR,
            DigestField.PACKETS,
            DigestField.BYTES,
            DigestField.START),
        tgw.missingRequiredFields());
    // packets-lost-* are not packets
    assertEquals(-1, tgw.position(DigestField.PACKETS));
  }

  @Test
  void endAndPortsAreNotRequired() {
    FlowLogFormat minimal = FlowLogFormat.fromNames(words("srcaddr dstaddr packets bytes start"));
    assertTrue(minimal.missingRequiredFields().isEmpty());
    assertEquals(-1, minimal.position(DigestField.END));
    assertEquals(-1, minimal.position(DigestField.SRCPORT));
  }

  @Test
  void firstOccurrenceOfARepeatedNameWins() {
    FlowLogFormat f = FlowLogFormat.fromNames(words("srcaddr srcaddr dstaddr"));
    assertEquals(0, f.position(DigestField.SRCADDR));
    assertEquals(3, f.fieldCount());
  }

  @Test
  void namesAreCopiedAndUnmodifiable() {
    List<String> names = new ArrayList<>(words("srcaddr dstaddr"));
    FlowLogFormat f = FlowLogFormat.fromNames(names);
    names.set(0, "version");
    assertEquals(List.of("srcaddr", "dstaddr"), f.names());
    assertThrows(UnsupportedOperationException.class, () -> f.names().add("x"));
  }

  @Test
  void equalityIsByNamesInOrder() {
    FlowLogFormat a = FlowLogFormat.fromNames(words("srcaddr dstaddr"));
    FlowLogFormat b = FlowLogFormat.fromNames(List.of("srcaddr", "dstaddr"));
    FlowLogFormat c = FlowLogFormat.fromNames(words("dstaddr srcaddr"));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, c);
    assertEquals(FlowLogFormat.V2, FlowLogFormat.fromNames(FlowLogFormat.V2.names()));
  }

  @Test
  void recognisesHeaders() {
    assertTrue(FlowLogFormat.isHeader(FlowLogFormat.V2.names()));
    assertTrue(FlowLogFormat.isHeader(words("instance-id interface-id srcaddr dstaddr")));
    // transit-gateway-only fields: none is read by the digest, still a header
    assertTrue(FlowLogFormat.isHeader(words("resource-type tgw-id packets-lost-no-route")));
    assertTrue(FlowLogFormat.isHeader(words("ecs-task-id reject-reason")));
    // a field AWS may add later, next to a known one
    assertTrue(FlowLogFormat.isHeader(words("version some-future-field9")));
  }

  @Test
  void rejectsWhatIsNotAHeader() {
    assertFalse(FlowLogFormat.isHeader(words("bogus line")));
    assertFalse(FlowLogFormat.isHeader(words("Phony unsupported log format.")));
    assertFalse(FlowLogFormat.isHeader(List.of()));
    // one token is not a field name
    assertFalse(FlowLogFormat.isHeader(words("version account-id Interface-id")));
    assertFalse(FlowLogFormat.isHeader(words("version log_status")));
    assertFalse(FlowLogFormat.isHeader(words("version -")));
    assertFalse(FlowLogFormat.isHeader(words("version 2")));
    // data lines
    assertFalse(
        FlowLogFormat.isHeader(
            words(
                "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20"
                    + " 4249 1418530010 1418530070 ACCEPT OK")));
    assertFalse(
        FlowLogFormat.isHeader(words("eni-1235b8ca123456789 vpc-0461a061 subnet-089e7569")));
  }
}
