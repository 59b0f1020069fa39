package io.vpcflow.digesterd.layout;

import io.vpcflow.digesterd.layout.KeyLayout.AccountFolder;
import io.vpcflow.digesterd.layout.ObjectListing.Level;
import io.vpcflow.digesterd.layout.ObjectListing.ListedObject;
import io.vpcflow.digesterd.report.SkippedObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the flow-log objects whose records can fall into a window, in every account and region
 * (given, or discovered by delimiter listing) and in both key layouts, listing only the day and
 * hour folders the window touches.
 *
 * <p>An object's file-name time stamp is when AWS wrote it, which is after the records it holds
 * started and may lag them by the aggregation interval plus the delivery delay. So objects are read
 * when their time stamp lies in {@code [start - slackBefore, stop + slackAfter]}; the exact record
 * filter on {@code start} then keeps only the window's records.
 */
public final class WindowObjectFinder {
  private static final String AWS_LOGS = "AWSLogs/";

  private final ObjectListing listing;
  private final String rootPrefix;
  private final List<String> accounts;
  private final List<String> regions;
  private final Duration slackBefore;
  private final Duration slackAfter;
  private int listRequests;

  /**
   * @param listing the store to list
   * @param rootPrefix the key prefix before {@code AWSLogs/} ({@code ""} or ending in {@code /})
   * @param accounts the accounts to scan; empty to scan all that exist
   * @param regions the regions to scan; empty to scan all that exist
   * @param slackBefore how long before the window an object's time stamp may be
   * @param slackAfter how long after the window an object's time stamp may be
   */
  public WindowObjectFinder(
      ObjectListing listing,
      String rootPrefix,
      List<String> accounts,
      List<String> regions,
      Duration slackBefore,
      Duration slackAfter) {
    if (!rootPrefix.isEmpty() && !rootPrefix.endsWith("/")) {
      throw new IllegalArgumentException(
          "root prefix must be empty or end with '/': " + rootPrefix);
    }
    if (slackBefore.isNegative() || slackAfter.isNegative()) {
      throw new IllegalArgumentException("object time-stamp slack must not be negative");
    }
    this.listing = listing;
    this.rootPrefix = rootPrefix;
    this.accounts = List.copyOf(accounts);
    this.regions = List.copyOf(regions);
    this.slackBefore = slackBefore;
    this.slackAfter = slackAfter;
  }

  /** Lists the objects for the window {@code [start, stop)}. */
  public ObjectPlan find(Instant start, Instant stop) throws IOException {
    listRequests = 0;
    Instant from = start.minus(slackBefore);
    Instant to = stop.plus(slackAfter);
    List<PlannedObject> selected = new ArrayList<>();
    List<SkippedObject> skipped = new ArrayList<>();
    long[] listed = {0};
    for (AccountFolder account : accountFolders()) {
      for (String region : regionsOf(account)) {
        String regionPrefix =
            rootPrefix + AWS_LOGS + account.layout().regionPrefix(account.account(), region);
        LocalDate lastDay = to.atOffset(ZoneOffset.UTC).toLocalDate();
        for (LocalDate day = from.atOffset(ZoneOffset.UTC).toLocalDate();
            !day.isAfter(lastDay);
            day = day.plusDays(1)) {
          Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
          String dayPrefix = regionPrefix + account.layout().dayFolder(day);
          Level level = list(dayPrefix);
          consider(level.objects(), from, to, selected, skipped, listed);
          for (String folder : level.folders()) {
            int hour = account.layout().hourOf(folder.substring(dayPrefix.length()));
            Instant hourStart = dayStart.plus(hour, ChronoUnit.HOURS);
            if (hour >= 0
                && !hourStart.isAfter(to)
                && hourStart.plus(1, ChronoUnit.HOURS).isAfter(from)) {
              consider(list(folder).objects(), from, to, selected, skipped, listed);
            }
          }
        }
      }
    }
    selected.sort(Comparator.comparing(PlannedObject::key));
    skipped.sort(Comparator.comparing(SkippedObject::key));
    return new ObjectPlan(List.copyOf(selected), List.copyOf(skipped), listed[0], listRequests);
  }

  private List<AccountFolder> accountFolders() throws IOException {
    List<AccountFolder> found = new ArrayList<>();
    if (!accounts.isEmpty()) {
      for (String account : accounts) {
        for (KeyLayout layout : KeyLayout.values()) {
          found.add(new AccountFolder(layout, account));
        }
      }
      return found;
    }
    String awsLogs = rootPrefix + AWS_LOGS;
    for (String folder : list(awsLogs).folders()) {
      AccountFolder account = KeyLayout.accountFolder(folderName(awsLogs, folder));
      if (account != null) {
        found.add(account);
      }
    }
    return found;
  }

  private List<String> regionsOf(AccountFolder account) throws IOException {
    if (!regions.isEmpty()) {
      return regions;
    }
    String prefix = rootPrefix + AWS_LOGS + account.layout().regionsPrefix(account.account());
    List<String> found = new ArrayList<>();
    for (String folder : list(prefix).folders()) {
      String region = account.layout().regionOf(folderName(prefix, folder));
      if (region != null) {
        found.add(region);
      }
    }
    return found;
  }

  private static String folderName(String parent, String folder) {
    return folder.substring(parent.length(), folder.length() - 1);
  }

  private Level list(String prefix) throws IOException {
    listRequests++;
    return listing.list(prefix);
  }

  private void consider(
      List<ListedObject> objects,
      Instant from,
      Instant to,
      List<PlannedObject> selected,
      List<SkippedObject> skipped,
      long[] listed) {
    for (ListedObject object : objects) {
      listed[0]++;
      Optional<FlowLogObjectName> name = FlowLogObjectName.parseKey(object.key());
      if (name.isEmpty()) {
        skipped.add(
            new SkippedObject(
                object.key(), SkippedObject.UNRECOGNISED_NAME, "not " + FlowLogObjectName.RULE));
        continue;
      }
      Instant stamp = name.get().timestamp();
      if (stamp.isBefore(from) || stamp.isAfter(to)) {
        continue;
      }
      if (object.size() == 0) {
        skipped.add(new SkippedObject(object.key(), SkippedObject.EMPTY, "0 bytes"));
        continue;
      }
      selected.add(
          new PlannedObject(listing.uriOf(object.key()), object.key(), object.size(), stamp));
    }
  }
}
