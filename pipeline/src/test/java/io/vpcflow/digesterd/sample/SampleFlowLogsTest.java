package io.vpcflow.digesterd.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.layout.FlowLogObjectName;
import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.layout.ObjectFormat;
import io.vpcflow.digesterd.testing.Gzip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link SampleFlowLogs} generates for a {@link SampleSpec}. */
class SampleFlowLogsTest {
  private static final String HEADER =
      "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
  private static final Instant FROM = Instant.parse("2024-05-01T23:32:00Z");

  /**
   * Two accounts (plain, Hive), two regions, 40 minutes from 23:32: objects from 23:30 to 00:10.
   */
  private static SampleSpec spec(boolean hourly, long seed) {
    return new SampleSpec(
        FROM,
        Duration.ofMinutes(40),
        Duration.ofMinutes(5),
        List.of("123456789012", "210987654321"),
        List.of("us-east-1", "eu-west-1"),
        50,
        30,
        List.of(KeyLayout.PLAIN, KeyLayout.HIVE),
        hourly,
        seed);
  }

  /** {@link #spec} over {@code minutes} only. */
  private static SampleSpec spec(boolean hourly, long seed, int minutes) {
    SampleSpec full = spec(hourly, seed);
    return new SampleSpec(
        full.from(),
        Duration.ofMinutes(minutes),
        full.objectInterval(),
        full.accounts(),
        full.regions(),
        full.recordsPerObject(),
        full.conversations(),
        full.layouts(),
        full.hourly(),
        full.seed());
  }

  /** Every object generated, by key, in the order written. */
  private static Map<String, byte[]> generate(SampleSpec spec, ObjectFormat format, long[] records)
      throws IOException {
    Map<String, byte[]> objects = new LinkedHashMap<>();
    long written =
        SampleFlowLogs.generate(
            spec,
            format,
            (key, bytes) -> assertEquals(null, objects.put(key, bytes), "written twice: " + key));
    if (records != null) {
      records[0] = written;
    }
    return objects;
  }

  private static List<String> lines(byte[] gz) {
    return List.of(Gzip.gunzip(gz).split("\n"));
  }

  @Test
  void theSameSpecGivesTheSameBytesAndAnotherSeedOthers() throws Exception {
    Map<String, byte[]> first = generate(spec(false, 42), ObjectFormat.TEXT, null);
    Map<String, byte[]> again = generate(spec(false, 42), ObjectFormat.TEXT, null);
    assertEquals(List.copyOf(first.keySet()), List.copyOf(again.keySet()));
    for (String key : first.keySet()) {
      assertArrayEquals(first.get(key), again.get(key), key);
    }
    Map<String, byte[]> parquet = generate(spec(false, 42, 10), ObjectFormat.PARQUET, null);
    Map<String, byte[]> parquetAgain = generate(spec(false, 42, 10), ObjectFormat.PARQUET, null);
    assertEquals(List.copyOf(parquet.keySet()), List.copyOf(parquetAgain.keySet()));
    for (String key : parquet.keySet()) {
      assertArrayEquals(parquet.get(key), parquetAgain.get(key), key);
    }

    Map<String, byte[]> other = generate(spec(false, 43), ObjectFormat.TEXT, null);
    assertEquals(first.size(), other.size());
    assertNotEquals(first.keySet(), other.keySet(), "the hashes in the names come from the seed");
    assertFalse(Arrays.equals(first.values().iterator().next(), other.values().iterator().next()));
  }

  @Test
  void writesOneObjectPerIntervalFromTheTruncatedStartPerAccountAndRegion() throws Exception {
    long[] records = {0};
    Map<String, byte[]> objects = generate(spec(false, 42), ObjectFormat.TEXT, records);
    List<Instant> stamps =
        List.of(
            Instant.parse("2024-05-01T23:30:00Z"),
            Instant.parse("2024-05-01T23:35:00Z"),
            Instant.parse("2024-05-01T23:40:00Z"),
            Instant.parse("2024-05-01T23:45:00Z"),
            Instant.parse("2024-05-01T23:50:00Z"),
            Instant.parse("2024-05-01T23:55:00Z"),
            Instant.parse("2024-05-02T00:00:00Z"),
            Instant.parse("2024-05-02T00:05:00Z"),
            Instant.parse("2024-05-02T00:10:00Z"));
    assertEquals(2 * 2 * stamps.size(), objects.size(), "stamps 23:30 .. 00:10, before 00:12");
    assertEquals(objects.size() * 50L, records[0]);
    Map<String, List<Instant>> byFlowLog = new TreeMap<>();
    for (String key : objects.keySet()) {
      FlowLogObjectName name =
          FlowLogObjectName.parseKey(key).orElseThrow(() -> new AssertionError(key));
      byFlowLog
          .computeIfAbsent(
              name.account() + " " + name.region() + " " + name.flowLogId(),
              k -> new java.util.ArrayList<>())
          .add(name.timestamp());
    }
    assertEquals(
        List.of(
            "123456789012 eu-west-1 fl-0000000100000002",
                "123456789012 us-east-1 fl-0000000100000001",
            "210987654321 eu-west-1 fl-0000000200000002",
                "210987654321 us-east-1 fl-0000000200000001"),
        List.copyOf(byFlowLog.keySet()),
        "one flow log per account and region");
    byFlowLog.values().forEach(flowLog -> assertEquals(stamps, flowLog));
  }

  /** Objects from 23:30 to 00:00, so that the day and the hour change. */
  @Test
  void keysFollowTheAwsLayoutOfTheirAccountWithOrWithoutTheHourLevel() throws Exception {
    for (boolean hourly : List.of(false, true)) {
      for (ObjectFormat format : ObjectFormat.values()) {
        for (String key : generate(spec(hourly, 42, 30), format, null).keySet()) {
          FlowLogObjectName name =
              FlowLogObjectName.parseKey(key).orElseThrow(() -> new AssertionError(key));
          ZonedDateTime t = name.timestamp().atZone(ZoneOffset.UTC);
          String day =
              String.format("%04d/%02d/%02d/", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
          String hiveDay =
              String.format(
                  "year=%04d/month=%02d/day=%02d/",
                  t.getYear(), t.getMonthValue(), t.getDayOfMonth());
          String folder =
              name.account().equals("123456789012")
                  ? "AWSLogs/123456789012/vpcflowlogs/"
                      + name.region()
                      + "/"
                      + day
                      + (hourly ? String.format("%02d/", t.getHour()) : "")
                  : "AWSLogs/aws-account-id=210987654321/aws-service=vpcflowlogs/aws-region="
                      + name.region()
                      + "/"
                      + hiveDay
                      + (hourly ? String.format("hour=%02d/", t.getHour()) : "");
          assertEquals(folder, key.substring(0, key.lastIndexOf('/') + 1), key);
          assertEquals(format, name.format(), key);
          assertTrue(
              key.substring(key.lastIndexOf('/') + 1)
                  .matches(
                      name.account()
                          + "_vpcflowlogs_"
                          + name.region()
                          + "_fl-[0-9a-f]{16}_\\d{8}T\\d{4}Z_[0-9a-f]{8}\\.log\\."
                          + (format == ObjectFormat.TEXT ? "gz" : "parquet")),
              key);
        }
      }
    }
  }

  @Test
  void everyObjectHasAHeaderThenTheRecordsStartingWithinTheIntervalBeforeItsStamp()
      throws Exception {
    Map<String, byte[]> objects = generate(spec(false, 42), ObjectFormat.TEXT, null);
    for (Map.Entry<String, byte[]> object : objects.entrySet()) {
      FlowLogObjectName name = FlowLogObjectName.parseKey(object.getKey()).orElseThrow();
      long stamp = name.timestamp().getEpochSecond();
      List<String> lines = lines(object.getValue());
      assertEquals(HEADER, lines.get(0));
      assertEquals(51, lines.size(), object.getKey());
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(" ");
        assertEquals(14, f.length, line);
        assertEquals("2", f[0], line);
        assertEquals(name.account(), f[1], line);
        assertTrue(f[2].matches("eni-[0-9a-f]{17}"), line);
        long start = Long.parseLong(f[10]);
        long end = Long.parseLong(f[11]);
        assertTrue(
            start >= stamp - 300 && start < stamp, "start within [stamp - 5 min, stamp): " + line);
        assertTrue(end > start && end <= start + 60, line);
        if (f[13].equals("NODATA")) {
          assertEquals(
              "- - - - - - - -",
              String.join(" ", Arrays.copyOfRange(f, 3, 10)) + " " + f[12],
              line);
        } else {
          assertEquals("OK", f[13], line);
          assertTrue(f[12].equals("ACCEPT") || f[12].equals("REJECT"), line);
          assertTrue(Long.parseLong(f[8]) >= 1 && Long.parseLong(f[8]) <= 40, line);
          assertTrue(Long.parseLong(f[9]) >= 40 * Long.parseLong(f[8]), line);
        }
      }
    }
  }

  @Test
  void manyAccountsAndRegionsStillGiveValidIpv4Addresses() throws Exception {
    List<String> accounts = new ArrayList<>();
    for (int a = 0; a < 20; a++) {
      accounts.add(String.format("%012d", 100000000000L + a));
    }
    SampleSpec spec =
        new SampleSpec(
            FROM,
            Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            accounts,
            List.of("us-east-1", "eu-west-1", "ap-south-1"),
            20,
            20,
            List.of(KeyLayout.PLAIN),
            false,
            3);
    int checked = 0;
    for (byte[] object : generate(spec, ObjectFormat.TEXT, null).values()) {
      for (String line : lines(object).subList(1, 21)) {
        String[] f = line.split(" ");
        if (f[13].equals("NODATA")) {
          continue;
        }
        for (String address : new String[] {f[3], f[4]}) {
          String[] octets = address.split("\\.");
          assertEquals(4, octets.length, line);
          for (String octet : octets) {
            int value = Integer.parseInt(octet);
            assertTrue(value >= 0 && value <= 255, address + " in " + line);
          }
          checked++;
        }
      }
    }
    assertTrue(checked > 1000, "addresses checked: " + checked);
  }

  @Test
  void distinctConversationsPerAccountAndRegionStayWithinTheSpecsNumber() throws Exception {
    for (int conversations : new int[] {1, 30, 200}) {
      SampleSpec spec =
          new SampleSpec(
              FROM,
              Duration.ofMinutes(30),
              Duration.ofMinutes(5),
              List.of("123456789012", "210987654321"),
              List.of("us-east-1", "eu-west-1"),
              400,
              conversations,
              List.of(KeyLayout.PLAIN),
              false,
              7);
      Map<String, Set<String>> byFlowLog = new TreeMap<>();
      for (Map.Entry<String, byte[]> object : generate(spec, ObjectFormat.TEXT, null).entrySet()) {
        FlowLogObjectName name = FlowLogObjectName.parseKey(object.getKey()).orElseThrow();
        Set<String> seen =
            byFlowLog.computeIfAbsent(name.account() + " " + name.region(), k -> new HashSet<>());
        for (String line : lines(object.getValue()).subList(1, 401)) {
          String[] f = line.split(" ");
          if (f[13].equals("NODATA")) {
            continue;
          }
          int srcport = Integer.parseInt(f[5]);
          int dstport = Integer.parseInt(f[6]);
          assertTrue(
              (srcport < 32768) != (dstport < 32768),
              "one service port, one ephemeral client port: " + line);
          String pair = f[3].compareTo(f[4]) < 0 ? f[3] + " " + f[4] : f[4] + " " + f[3];
          seen.add(f[2] + " " + pair + " " + Math.min(srcport, dstport) + " " + f[7] + " " + f[12]);
        }
      }
      assertEquals(4, byFlowLog.size());
      for (Map.Entry<String, Set<String>> flowLog : byFlowLog.entrySet()) {
        int distinct = flowLog.getValue().size();
        assertTrue(
            distinct <= conversations,
            conversations + " conversations, " + flowLog.getKey() + ": " + distinct);
        assertTrue(
            distinct >= Math.min(conversations, 10),
            "popular conversations repeat, but more than one: "
                + flowLog.getKey()
                + ": "
                + distinct);
      }
    }
  }

  @Test
  void parquetObjectsAreWrittenUnderTheTextKeysWithTheParquetEndingAndHoldTheRecords(
      @TempDir Path dir) throws Exception {
    SampleSpec spec = spec(true, 42, 5);
    long[] textRecords = {0};
    List<String> textKeys = List.copyOf(generate(spec, ObjectFormat.TEXT, textRecords).keySet());
    long parquetRecords =
        SampleFlowLogs.generate(spec, ObjectFormat.PARQUET, new DirectorySink(dir));
    assertEquals(textRecords[0], parquetRecords);
    assertEquals(2 * 2 * 2 * 50, parquetRecords, "stamps 23:30 and 23:35 (before 23:37)");

    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    assertEquals(
        textKeys.stream().map(k -> k.replace(".log.gz", ".log.parquet")).sorted().toList(),
        files.stream().map(f -> dir.relativize(f).toString()).toList());
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      assertEquals("PAR1", new String(bytes, 0, 4, StandardCharsets.US_ASCII), file.toString());
      assertEquals(
          "PAR1",
          new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII),
          file.toString());
      try (ParquetFileReader reader =
          ParquetFileReader.open(
              new LocalInputFile(file),
              ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
        assertEquals(50, reader.getRecordCount(), file.toString());
      }
    }
  }

  @Test
  void aDirectorySinkWritesKeysAsPathsAndReplacesWhatIsThere(@TempDir Path dir) throws Exception {
    DirectorySink sink = new DirectorySink(dir);
    sink.put("a/b/c.log.gz", new byte[] {1, 2});
    sink.put("a/b/c.log.gz", new byte[] {3});
    sink.put("top.txt", new byte[0]);
    assertArrayEquals(new byte[] {3}, Files.readAllBytes(dir.resolve("a/b/c.log.gz")));
    assertArrayEquals(new byte[0], Files.readAllBytes(dir.resolve("top.txt")));
  }

  @Test
  void theSmallSpecIsTwoAccountsTwoRegionsBothLayouts() {
    SampleSpec small = SampleSpec.small(FROM, Duration.ofHours(1));
    assertEquals(FROM, small.from());
    assertEquals(Duration.ofHours(1), small.duration());
    assertEquals(Duration.ofMinutes(5), small.objectInterval());
    assertEquals(2, small.accounts().size());
    assertEquals(2, small.regions().size());
    assertEquals(List.of(KeyLayout.PLAIN, KeyLayout.HIVE), small.layouts());
    assertFalse(small.hourly());
  }
}
