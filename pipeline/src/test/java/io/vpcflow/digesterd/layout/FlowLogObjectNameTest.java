package io.vpcflow.digesterd.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The AWS file-name rule of flow-log objects. */
class FlowLogObjectNameTest {
  private static final Instant STAMP = Instant.parse("2024-05-01T09:05:00Z");

  @Test
  void parsesTheLastSegmentOfATextOrParquetKey() {
    assertEquals(
        Optional.of(
            new FlowLogObjectName(
                "123456789012", "us-east-1", "fl-0a1b2c3d4e5f60718", STAMP, ObjectFormat.TEXT)),
        FlowLogObjectName.parseKey(
            "AWSLogs/123456789012/vpcflowlogs/us-east-1/2024/05/01/"
                + "123456789012_vpcflowlogs_us-east-1_fl-0a1b2c3d4e5f60718_20240501T0905Z_a1b2c3d4.log.gz"));
    assertEquals(
        Optional.of(
            new FlowLogObjectName(
                "123456789012", "eu-west-1", "fl-ABC", STAMP, ObjectFormat.PARQUET)),
        FlowLogObjectName.parseKey(
            "123456789012_vpcflowlogs_eu-west-1_fl-ABC_20240501T0905Z_ff.log.parquet"));
  }

  @Test
  void fileNamesParseBackToTheSameName() {
    for (ObjectFormat format : ObjectFormat.values()) {
      FlowLogObjectName name =
          new FlowLogObjectName(
              "210987654321", "ap-south-1", "fl-1", Instant.parse("2024-12-31T23:55:00Z"), format);
      String fileName = name.fileName("0000beef");
      assertEquals(
          "210987654321_vpcflowlogs_ap-south-1_fl-1_20241231T2355Z_0000beef" + format.suffix(),
          fileName);
      assertEquals(Optional.of(name), FlowLogObjectName.parseKey("AWSLogs/x/" + fileName));
    }
    assertEquals(
        "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T0905Z_h.log.gz",
        new FlowLogObjectName("123456789012", "us-east-1", "fl-1", STAMP).fileName("h"),
        "text by default");
  }

  @Test
  void rejectsNamesThatDoNotFollowTheRule() {
    for (String name :
        List.of(
            "",
            "README.txt",
            "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T0905Z_h.log",
            "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T0905Z_h.log.gz.tmp",
            "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T0905Z_h.gz",
            "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T0905Z.log.gz",
            "123456789012_elasticloadbalancing_us-east-1_fl-1_20240501T0905Z_h.log.gz",
            "123456789012_vpcflowlogs_US-EAST-1_fl-1_20240501T0905Z_h.log.gz",
            "123456789012_vpcflowlogs_us-east-1_1_20240501T0905Z_h.log.gz",
            "acct_vpcflowlogs_us-east-1_fl-1_20240501T0905Z_h.log.gz",
            "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T090500Z_h.log.gz",
            "123456789012_vpcflowlogs_us-east-1_fl-1_2024-05-01T0905Z_h.log.gz",
            "123456789012_vpcflowlogs_us-east-1_fl-1_20241301T0905Z_h.log.gz",
            "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T0960Z_h.log.gz",
            "123456789012_vpcflowlogs_us-east-1_fl-1_20240230T0905Z_h.log.gz",
            "123456789012_vpcflowlogs_us-east-1_fl-1_20230229T0905Z_h.log.gz",
            "123456789012_vpcflowlogs_us-east-1_fl-1_20240431T0905Z_h.log.gz",
            "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T2400Z_h.log.gz",
            "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T0905Z_h-1.log.gz",
            "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T0905Z_h.log.gz/")) {
      assertEquals(Optional.empty(), FlowLogObjectName.parseKey("AWSLogs/" + name), name);
    }
  }

  @Test
  void aLeapDayIsAStamp() {
    assertEquals(
        Instant.parse("2024-02-29T23:55:00Z"),
        FlowLogObjectName.parseKey(
                "123456789012_vpcflowlogs_us-east-1_fl-1_20240229T2355Z_h.log.gz")
            .orElseThrow()
            .timestamp());
  }

  @Test
  void theRuleNamesBothEndings() {
    assertTrue(
        FlowLogObjectName.RULE.contains(".log.gz")
            && FlowLogObjectName.RULE.contains(".log.parquet"),
        FlowLogObjectName.RULE);
  }
}
