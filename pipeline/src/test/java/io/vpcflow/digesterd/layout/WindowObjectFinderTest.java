package io.vpcflow.digesterd.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.report.SkippedObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which objects {@link WindowObjectFinder} chooses for a window, and which folders it lists. */
class WindowObjectFinderTest {
  private static final String ACCOUNT = "123456789012";
  private static final String REGION = "us-east-1";
  private static final Duration SLACK_BEFORE = Duration.ofMinutes(10);
  private static final Duration SLACK_AFTER = Duration.ofMinutes(20);

  private static Instant at(String time) {
    return Instant.parse(time);
  }

  /** The AWS key of an object of {@link #ACCOUNT} in {@link #REGION}, plain daily layout. */
  private static String plain(String stamp, String hash) {
    return plain(ACCOUNT, REGION, stamp, hash, ObjectFormat.TEXT);
  }

  private static String plain(
      String account, String region, String stamp, String hash, ObjectFormat format) {
    Instant time = at(stamp);
    return "AWSLogs/"
        + KeyLayout.PLAIN.regionPrefix(account, region)
        + KeyLayout.PLAIN.dayFolder(time.atOffset(ZoneOffset.UTC).toLocalDate())
        + new FlowLogObjectName(account, region, "fl-0a1b2c3d4e5f60718", time, format)
            .fileName(hash);
  }

  /** The AWS key of an object in the plain layout with the hourly level. */
  private static String plainHourly(String stamp, String hash) {
    Instant time = at(stamp);
    return "AWSLogs/"
        + KeyLayout.PLAIN.regionPrefix(ACCOUNT, REGION)
        + KeyLayout.PLAIN.dayFolder(time.atOffset(ZoneOffset.UTC).toLocalDate())
        + KeyLayout.PLAIN.hourFolder(time.atOffset(ZoneOffset.UTC).getHour())
        + new FlowLogObjectName(ACCOUNT, REGION, "fl-0a1b2c3d4e5f60718", time).fileName(hash);
  }

  private static WindowObjectFinder finder(ObjectListing listing, Duration before, Duration after) {
    return new WindowObjectFinder(listing, "", List.of(), List.of(), before, after);
  }

  private static List<String> keys(ObjectPlan plan) {
    return plan.objects().stream().map(PlannedObject::key).toList();
  }

  private static List<String> hashes(ObjectPlan plan) {
    return plan.objects().stream()
        .map(o -> o.key().substring(o.key().lastIndexOf('_') + 1, o.key().indexOf(".log")))
        .toList();
  }

  @Test
  void readsTheObjectsStampedFromTheStartMinusTheSlackBeforeToTheStopPlusTheSlackAfterBothIncluded()
      throws Exception {
    InMemoryListing listing = new InMemoryListing();
    for (String[] object :
        new String[][] {
          {"2024-05-01T09:45:00Z", "a0945"},
          {"2024-05-01T09:49:00Z", "a0949"},
          {"2024-05-01T09:50:00Z", "a0950"},
          {"2024-05-01T10:00:00Z", "a1000"},
          {"2024-05-01T10:05:00Z", "a1005"},
          {"2024-05-01T10:25:00Z", "a1025"},
          {"2024-05-01T10:26:00Z", "a1026"},
          {"2024-05-01T10:30:00Z", "a1030"}
        }) {
      listing.put(plain(object[0], object[1]), 100);
    }

    ObjectPlan plan =
        finder(listing, SLACK_BEFORE, SLACK_AFTER)
            .find(at("2024-05-01T10:00:00Z"), at("2024-05-01T10:05:00Z"));
    assertEquals(
        List.of("a0950", "a1000", "a1005", "a1025"), hashes(plan), "stamps in [09:50, 10:25]");
    assertEquals(8, plan.listedObjects());
    assertEquals(
        List.of(), plan.skipped(), "objects outside the slack are not skipped, just not read");

    ObjectPlan exact =
        finder(listing, Duration.ZERO, Duration.ZERO)
            .find(at("2024-05-01T10:00:00Z"), at("2024-05-01T10:05:00Z"));
    assertEquals(
        List.of("a1000", "a1005"), hashes(exact), "without slack: stamps in [10:00, 10:05]");
  }

  @Test
  void aPlannedObjectCarriesItsUriKeySizeAndTheStampOfItsName() throws Exception {
    String key =
        "AWSLogs/123456789012/vpcflowlogs/us-east-1/2024/05/01/"
            + "123456789012_vpcflowlogs_us-east-1_fl-0a1b2c3d4e5f60718_20240501T1005Z_a1b2c3d4.log.gz";
    InMemoryListing listing = new InMemoryListing().put(key, 48_213);

    ObjectPlan plan =
        finder(listing, SLACK_BEFORE, SLACK_AFTER)
            .find(at("2024-05-01T10:00:00Z"), at("2024-05-01T10:05:00Z"));

    assertEquals(
        List.of(
            new PlannedObject("s3://flow-logs/" + key, key, 48_213, at("2024-05-01T10:05:00Z"))),
        plan.objects());
    assertEquals(48_213, plan.totalBytes());
  }

  @Test
  void readsTheHiveLayoutWithHourlyFoldersAndParquetObjects() throws Exception {
    String hour10 =
        "AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=eu-west-1/year=2024/month=05/day=01/hour=10/";
    String gz =
        hour10
            + "123456789012_vpcflowlogs_eu-west-1_fl-0a1b2c3d4e5f60718_20240501T1005Z_0000beef.log.gz";
    String parquet =
        hour10
            + "123456789012_vpcflowlogs_eu-west-1_fl-0a1b2c3d4e5f60718_20240501T1010Z_0000cafe.log.parquet";
    InMemoryListing listing = new InMemoryListing().put(gz, 10).put(parquet, 20);

    ObjectPlan plan =
        finder(listing, SLACK_BEFORE, SLACK_AFTER)
            .find(at("2024-05-01T10:00:00Z"), at("2024-05-01T10:05:00Z"));

    assertEquals(List.of(gz, parquet), keys(plan));
    assertEquals(30, plan.totalBytes());
    assertEquals(
        List.of(ObjectFormat.TEXT, ObjectFormat.PARQUET),
        plan.objects().stream().map(o -> ObjectFormat.ofKey(o.key()).orElseThrow()).toList());
  }

  @Test
  void listsOnlyTheHourFoldersThatTheSlackedWindowTouches() throws Exception {
    InMemoryListing listing = new InMemoryListing();
    for (String stamp :
        List.of(
            "2024-05-01T08:55:00Z",
            "2024-05-01T09:55:00Z",
            "2024-05-01T10:10:00Z",
            "2024-05-01T11:00:00Z",
            "2024-05-01T12:00:00Z")) {
      listing.put(plainHourly(stamp, "h" + stamp.substring(11, 13) + stamp.substring(14, 16)), 100);
    }
    String day = "AWSLogs/123456789012/vpcflowlogs/us-east-1/2024/05/01/";

    ObjectPlan plan =
        finder(listing, SLACK_BEFORE, SLACK_AFTER)
            .find(at("2024-05-01T10:00:00Z"), at("2024-05-01T10:05:00Z"));

    assertEquals(List.of("h0955", "h1010"), hashes(plan), "stamps in [09:50, 10:25]");
    assertEquals(
        List.of("AWSLogs/", "AWSLogs/123456789012/vpcflowlogs/", day, day + "09/", day + "10/"),
        listing.listed());
    assertEquals(5, plan.listRequests());
    assertEquals(2, plan.listedObjects(), "the objects of hours 08, 11 and 12 are not listed");
  }

  @Test
  void anHourFolderIsListedWhenTheSlackedWindowEndsOnItsFirstMinuteAndNotWhenItStartsOnTheNextHour()
      throws Exception {
    InMemoryListing listing = new InMemoryListing();
    for (String stamp :
        List.of(
            "2024-05-01T09:59:00Z",
            "2024-05-01T10:00:00Z",
            "2024-05-01T11:00:00Z",
            "2024-05-01T11:01:00Z")) {
      listing.put(plainHourly(stamp, "h" + stamp.substring(11, 13) + stamp.substring(14, 16)), 100);
    }
    String day = "AWSLogs/123456789012/vpcflowlogs/us-east-1/2024/05/01/";

    ObjectPlan plan =
        finder(listing, Duration.ZERO, Duration.ZERO)
            .find(at("2024-05-01T10:00:00Z"), at("2024-05-01T11:00:00Z"));

    assertEquals(List.of("h1000", "h1100"), hashes(plan));
    assertTrue(
        listing.listed().containsAll(List.of(day + "10/", day + "11/")),
        listing.listed().toString());
    assertFalse(
        listing.listed().contains(day + "09/"), "hour 09 holds nothing stamped at 10:00 or later");
  }

  @Test
  void aWindowNearMidnightListsBothDaysAcrossAYearEnd() throws Exception {
    InMemoryListing listing =
        new InMemoryListing()
            .put(plain("2024-12-31T23:40:00Z", "old"), 1)
            .put(plain("2024-12-31T23:58:00Z", "late"), 1)
            .put(plain("2025-01-01T00:10:00Z", "next"), 1)
            .put(plain("2025-01-01T00:30:00Z", "after"), 1);

    ObjectPlan plan =
        finder(listing, SLACK_BEFORE, SLACK_AFTER)
            .find(at("2024-12-31T23:55:00Z"), at("2025-01-01T00:00:00Z"));

    assertEquals(List.of("late", "next"), hashes(plan));
    String region = "AWSLogs/123456789012/vpcflowlogs/us-east-1/";
    assertTrue(
        listing.listed().containsAll(List.of(region + "2024/12/31/", region + "2025/01/01/")),
        listing.listed().toString());
    assertFalse(listing.listed().contains(region + "2025/01/02/"));
  }

  @Test
  void aWindowOfSeveralDaysListsEveryDayOnce() throws Exception {
    InMemoryListing listing = new InMemoryListing();
    for (int day = 1; day <= 5; day++) {
      listing.put(plain(String.format("2024-05-%02dT12:00:00Z", day), "d" + day), 1);
    }

    ObjectPlan plan =
        finder(listing, SLACK_BEFORE, SLACK_AFTER)
            .find(at("2024-05-02T00:00:00Z"), at("2024-05-04T00:00:00Z"));

    assertEquals(List.of("d2", "d3"), hashes(plan));
    assertEquals(
        List.of("2024/05/01/", "2024/05/02/", "2024/05/03/", "2024/05/04/"),
        listing.listed().stream()
            .filter(p -> p.matches(".*/\\d{4}/\\d\\d/\\d\\d/"))
            .map(p -> p.substring(p.length() - 11))
            .toList(),
        "from 05-01 23:50 to 05-04 00:20");
  }

  @Test
  void discoversEveryAccountAndRegionInBothLayoutsAndIgnoresOtherFolders() throws Exception {
    String hive =
        "AWSLogs/aws-account-id=210987654321/aws-service=vpcflowlogs/aws-region=eu-west-1/year=2024/month=05/day=01/"
            + "210987654321_vpcflowlogs_eu-west-1_fl-1_20240501T1005Z_0000hive.log.gz";
    InMemoryListing listing =
        new InMemoryListing()
            .put(plain(ACCOUNT, "us-east-1", "2024-05-01T10:05:00Z", "east", ObjectFormat.TEXT), 1)
            .put(
                plain(ACCOUNT, "ap-south-1", "2024-05-01T10:05:00Z", "south", ObjectFormat.PARQUET),
                1)
            .put(hive, 1)
            .put(
                "AWSLogs/notes/"
                    + "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T1005Z_notes.log.gz",
                1)
            .put(
                "AWSLogs/aws-account-id=abc/aws-service=vpcflowlogs/aws-region=us-east-1/year=2024/month=05/day=01/x.log.gz",
                1)
            .put(
                "AWSLogs/123456789012/vpcflowlogs/US_EAST/2024/05/01/"
                    + "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T1005Z_upper.log.gz",
                1)
            .put("AWSLogs/123456789012/elasticloadbalancing/us-east-1/2024/05/01/elb.log.gz", 1)
            .put(
                "elsewhere/AWSLogs/123456789012/vpcflowlogs/us-east-1/2024/05/01/"
                    + "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T1005Z_other.log.gz",
                1);

    ObjectPlan plan =
        finder(listing, SLACK_BEFORE, SLACK_AFTER)
            .find(at("2024-05-01T10:00:00Z"), at("2024-05-01T10:05:00Z"));

    assertEquals(
        List.of(
            plain(ACCOUNT, "ap-south-1", "2024-05-01T10:05:00Z", "south", ObjectFormat.PARQUET),
            plain(ACCOUNT, "us-east-1", "2024-05-01T10:05:00Z", "east", ObjectFormat.TEXT),
            hive),
        keys(plan),
        "sorted by key");
    assertEquals(List.of(), plan.skipped());
  }

  @Test
  void givenAccountsAndRegionsAreScannedInBothLayoutsWithoutListingTheRoot() throws Exception {
    InMemoryListing listing = new InMemoryListing();
    for (String account : List.of("111111111111", "222222222222")) {
      for (String region : List.of("us-east-1", "eu-west-1")) {
        listing.put(
            plain(
                account,
                region,
                "2024-05-01T10:05:00Z",
                account.substring(0, 1) + region.substring(0, 2),
                ObjectFormat.TEXT),
            1);
      }
    }
    String hive =
        "AWSLogs/aws-account-id=222222222222/aws-service=vpcflowlogs/aws-region=eu-west-1/year=2024/month=05/day=01/"
            + "222222222222_vpcflowlogs_eu-west-1_fl-1_20240501T1005Z_2hive.log.gz";
    listing.put(hive, 1);

    ObjectPlan plan =
        new WindowObjectFinder(
                listing,
                "",
                List.of("222222222222"),
                List.of("eu-west-1"),
                SLACK_BEFORE,
                SLACK_AFTER)
            .find(at("2024-05-01T10:00:00Z"), at("2024-05-01T10:05:00Z"));

    assertEquals(List.of("2eu", "2hive"), hashes(plan));
    assertEquals(
        List.of(
            "AWSLogs/222222222222/vpcflowlogs/eu-west-1/2024/05/01/",
            "AWSLogs/aws-account-id=222222222222/aws-service=vpcflowlogs/aws-region=eu-west-1/year=2024/month=05/day=01/"),
        listing.listed(),
        "one day folder per layout, nothing else");
    assertEquals(2, plan.listRequests());
  }

  @Test
  void theObjectsAndSkippedObjectsComeSortedByKeyWhateverOrderTheAccountsAndRegionsAreScannedIn()
      throws Exception {
    InMemoryListing listing = new InMemoryListing();
    for (String account : List.of("111111111111", "222222222222")) {
      for (String region : List.of("eu-west-1", "us-east-1")) {
        for (String stamp : List.of("2024-05-01T10:05:00Z", "2024-05-01T09:55:00Z")) {
          listing.put(
              plain(account, region, stamp, "h" + stamp.substring(11, 13), ObjectFormat.TEXT), 1);
        }
        listing.put("AWSLogs/" + account + "/vpcflowlogs/" + region + "/2024/05/01/README.txt", 1);
      }
    }

    ObjectPlan plan =
        new WindowObjectFinder(
                listing,
                "",
                List.of("222222222222", "111111111111"),
                List.of("us-east-1", "eu-west-1"),
                SLACK_BEFORE,
                SLACK_AFTER)
            .find(at("2024-05-01T10:00:00Z"), at("2024-05-01T10:05:00Z"));

    List<String> sorted = keys(plan).stream().sorted().toList();
    assertEquals(8, sorted.size());
    assertEquals(sorted, keys(plan));
    List<String> skipped = plan.skipped().stream().map(SkippedObject::key).toList();
    assertEquals(4, skipped.size());
    assertEquals(skipped.stream().sorted().toList(), skipped);
  }

  @Test
  void findsObjectsUnderTheRootPrefixOnly() throws Exception {
    InMemoryListing listing =
        new InMemoryListing()
            .put("team-a/" + plain("2024-05-01T10:05:00Z", "inside"), 1)
            .put(plain("2024-05-01T10:05:00Z", "atroot"), 1);

    ObjectPlan plan =
        new WindowObjectFinder(listing, "team-a/", List.of(), List.of(), SLACK_BEFORE, SLACK_AFTER)
            .find(at("2024-05-01T10:00:00Z"), at("2024-05-01T10:05:00Z"));

    assertEquals(List.of("team-a/" + plain("2024-05-01T10:05:00Z", "inside")), keys(plan));
    assertEquals("team-a/AWSLogs/", listing.listed().get(0));
  }

  @Test
  void reportsUnrecognisedNamesInTheListedFoldersAndEmptyObjectsInTheWindow() throws Exception {
    String day = "AWSLogs/123456789012/vpcflowlogs/us-east-1/2024/05/01/";
    InMemoryListing listing =
        new InMemoryListing()
            .put(plain("2024-05-01T10:05:00Z", "good"), 7)
            .put(plain("2024-05-01T10:10:00Z", "empty"), 0)
            .put(plain("2024-05-01T12:00:00Z", "emptylater"), 0)
            .put(day + "README.txt", 12)
            .put(day + "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T1005Z_nogz.log", 5)
            .put(day + "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T1005Z_tmp.log.gz.tmp", 5)
            .put(day + "123456789012_vpcflowlogs_us-east-1_fl-1_20241301T1005Z_month13.log.gz", 5);

    ObjectPlan plan =
        finder(listing, SLACK_BEFORE, SLACK_AFTER)
            .find(at("2024-05-01T10:00:00Z"), at("2024-05-01T10:05:00Z"));

    assertEquals(List.of("good"), hashes(plan));
    assertEquals(7, plan.listedObjects());
    assertEquals(
        List.of(
            new SkippedObject(
                plain("2024-05-01T10:10:00Z", "empty"), SkippedObject.EMPTY, "0 bytes"),
            new SkippedObject(
                day + "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T1005Z_nogz.log",
                SkippedObject.UNRECOGNISED_NAME,
                "not " + FlowLogObjectName.RULE),
            new SkippedObject(
                day + "123456789012_vpcflowlogs_us-east-1_fl-1_20240501T1005Z_tmp.log.gz.tmp",
                SkippedObject.UNRECOGNISED_NAME,
                "not " + FlowLogObjectName.RULE),
            new SkippedObject(
                day + "123456789012_vpcflowlogs_us-east-1_fl-1_20241301T1005Z_month13.log.gz",
                SkippedObject.UNRECOGNISED_NAME,
                "not " + FlowLogObjectName.RULE),
            new SkippedObject(
                day + "README.txt",
                SkippedObject.UNRECOGNISED_NAME,
                "not " + FlowLogObjectName.RULE)),
        plan.skipped(),
        "sorted by key (fl-0a1b... before fl-1); the empty object stamped 12:00 is outside the window and not reported");
  }

  @Test
  void eachFindCountsItsOwnListRequests() throws Exception {
    InMemoryListing listing = new InMemoryListing().put(plain("2024-05-01T10:05:00Z", "a"), 1);
    WindowObjectFinder finder = finder(listing, SLACK_BEFORE, SLACK_AFTER);

    ObjectPlan first = finder.find(at("2024-05-01T10:00:00Z"), at("2024-05-01T10:05:00Z"));
    ObjectPlan second = finder.find(at("2024-05-01T10:00:00Z"), at("2024-05-01T10:05:00Z"));

    assertEquals(3, first.listRequests(), "AWSLogs/, the account's regions, the day");
    assertEquals(first, second);
  }

  @Test
  void anEmptyStoreGivesAnEmptyPlan() throws Exception {
    ObjectPlan plan =
        finder(new InMemoryListing(), SLACK_BEFORE, SLACK_AFTER)
            .find(at("2024-05-01T10:00:00Z"), at("2024-05-01T10:05:00Z"));
    assertEquals(new ObjectPlan(List.of(), List.of(), 0, 1), plan);
    assertEquals(0, plan.totalBytes());
  }

  @Test
  void rejectsARootPrefixWithoutTrailingSlashAndNegativeSlack() {
    InMemoryListing listing = new InMemoryListing();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new WindowObjectFinder(
                listing, "team-a", List.of(), List.of(), SLACK_BEFORE, SLACK_AFTER));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new WindowObjectFinder(
                listing, "", List.of(), List.of(), Duration.ofMinutes(-1), SLACK_AFTER));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new WindowObjectFinder(
                listing, "", List.of(), List.of(), SLACK_BEFORE, Duration.ofMinutes(-1)));
  }
}
