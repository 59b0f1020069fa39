package io.vpcflow.digesterd.layout;

import java.time.LocalDate;

/**
 * The two folder layouts AWS writes flow logs in, each optionally with an hourly level:
 *
 * <ul>
 *   <li>{@link #PLAIN}: {@code AWSLogs/<account>/vpcflowlogs/<region>/YYYY/MM/DD/[HH/]}
 *   <li>{@link #HIVE}: {@code AWSLogs/aws-account-id=<id>/aws-service=vpcflowlogs/
 *       aws-region=<r>/year=YYYY/month=MM/day=DD/[hour=HH/]}
 * </ul>
 *
 * All prefixes are relative to the {@code AWSLogs/} root and end with {@code /}.
 */
public enum KeyLayout {
  PLAIN("", "vpcflowlogs/", "", "%04d/%02d/%02d/", "%02d/"),
  HIVE(
      "aws-account-id=",
      "aws-service=vpcflowlogs/",
      "aws-region=",
      "year=%04d/month=%02d/day=%02d/",
      "hour=%02d/");

  private final String accountLabel;
  private final String serviceFolder;
  private final String regionLabel;
  private final String dayPattern;
  private final String hourPattern;

  KeyLayout(
      String accountLabel,
      String serviceFolder,
      String regionLabel,
      String dayPattern,
      String hourPattern) {
    this.accountLabel = accountLabel;
    this.serviceFolder = serviceFolder;
    this.regionLabel = regionLabel;
    this.dayPattern = dayPattern;
    this.hourPattern = hourPattern;
  }

  /**
   * The layout and account of a folder name directly under {@code AWSLogs/} (without the trailing
   * slash), or null when it is neither an account id nor {@code aws-account-id=<id>}.
   */
  public static AccountFolder accountFolder(String folderName) {
    if (folderName.startsWith(HIVE.accountLabel)) {
      String id = folderName.substring(HIVE.accountLabel.length());
      return isAccountId(id) ? new AccountFolder(HIVE, id) : null;
    }
    return isAccountId(folderName) ? new AccountFolder(PLAIN, folderName) : null;
  }

  private static boolean isAccountId(String id) {
    return !id.isEmpty() && id.chars().allMatch(Character::isDigit);
  }

  /** The folder of an account's regions: {@code <account>/vpcflowlogs/} or its Hive twin. */
  public String regionsPrefix(String account) {
    return accountLabel + account + "/" + serviceFolder;
  }

  /**
   * The region named by a folder under {@link #regionsPrefix} (without trailing slash), or null
   * when it does not follow this layout.
   */
  public String regionOf(String folderName) {
    if (!folderName.startsWith(regionLabel)) {
      return null;
    }
    String region = folderName.substring(regionLabel.length());
    return region.matches("[a-z0-9-]+") ? region : null;
  }

  /** The folder of one region's objects. */
  public String regionPrefix(String account, String region) {
    return regionsPrefix(account) + regionLabel + region + "/";
  }

  /** The folder of one day, relative to the region folder. */
  public String dayFolder(LocalDate day) {
    return String.format(dayPattern, day.getYear(), day.getMonthValue(), day.getDayOfMonth());
  }

  /** The folder of one hour, relative to the day folder. */
  public String hourFolder(int hour) {
    return String.format(hourPattern, hour);
  }

  /** The hour (0..23) named by a folder under a day folder (with trailing slash), or -1. */
  public int hourOf(String folderWithSlash) {
    for (int hour = 0; hour < 24; hour++) {
      if (hourFolder(hour).equals(folderWithSlash)) {
        return hour;
      }
    }
    return -1;
  }

  /**
   * An account folder under {@code AWSLogs/}.
   *
   * @param layout the layout it is written in
   * @param account the account id
   */
  public record AccountFolder(KeyLayout layout, String account) {}
}
